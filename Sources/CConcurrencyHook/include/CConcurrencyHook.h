#ifndef SWIFTRAY_CCONCURRENCYHOOK_H
#define SWIFTRAY_CCONCURRENCYHOOK_H

#include <stdbool.h>

/// Sets the Swift runtime's `swift_task_enqueueGlobal_hook` to `hook` when no hook is set yet
/// (atomically); returns whether it was set. The variable is referenced at link time, so this
/// works in a static binary, where the runtime does not export it to `dlsym`.
bool swiftray_install_enqueue_global_hook(const void *_Nonnull hook);

#endif
