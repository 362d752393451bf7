/// A unary operator: `-x`, `+x`, `~x`.
enum UnaryOp { case neg, pos, invert }
