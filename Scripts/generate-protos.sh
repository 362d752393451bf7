#!/usr/bin/env bash
# Regenerates Sources/ClusterState/Wire/*.pb.swift from Protos/*.proto and records the hash of
# each .proto next to its output; Tests/ClusterStateTests/GeneratedCodeTests fails when a
# .proto changed without regeneration.
# Needs: protoc (Debian's protobuf-compiler) and protoc-gen-swift, built here from the
# swift-protobuf checkout that `swift package resolve` put in .build/checkouts.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v protoc >/dev/null || { echo "protoc is missing: apt-get install -y protobuf-compiler" >&2; exit 1; }
plugin="${PROTOC_GEN_SWIFT:-}"
if [ -z "$plugin" ]; then
  swift package resolve >/dev/null
  (cd .build/checkouts/swift-protobuf && swift build -c release --product protoc-gen-swift >&2)
  plugin="$(cd .build/checkouts/swift-protobuf && swift build -c release --show-bin-path)/protoc-gen-swift"
fi
out=Sources/ClusterState/Wire
mkdir -p "$out"
rm -f "$out"/*.pb.swift "$out"/*.proto.sha256   # no stale output for a renamed or removed .proto
for proto in Protos/*.proto; do
  protoc --plugin=protoc-gen-swift="$plugin" --proto_path=Protos \
         --swift_out="$out" --swift_opt=Visibility=Public "$proto"
  sha256sum "$proto" | cut -d' ' -f1 > "$out/$(basename "$proto").sha256"
done
echo "regenerated $(ls Protos/*.proto | wc -l) proto file(s) into $out"
