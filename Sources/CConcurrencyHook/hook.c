#include "CConcurrencyHook.h"

#include <stddef.h>

/// Declared by the Swift concurrency runtime (swift/Runtime/Concurrency.h); a function pointer
/// the runtime calls, when set, instead of its own global enqueue.
extern const void *swift_task_enqueueGlobal_hook;

bool swiftray_install_enqueue_global_hook(const void *hook) {
    const void *expected = NULL;
    return __atomic_compare_exchange_n(&swift_task_enqueueGlobal_hook, &expected, hook, false,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}
