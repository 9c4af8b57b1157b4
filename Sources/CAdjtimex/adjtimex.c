#include "CAdjtimex.h"

#include <errno.h>
#include <string.h>

#if defined(__linux__)
#include <sys/timex.h>

preflight_kernel_clock preflight_read_kernel_clock(void) {
    struct timex tx;
    memset(&tx, 0, sizeof tx);
    tx.modes = 0;
    preflight_kernel_clock clock;
    memset(&clock, 0, sizeof clock);
    clock.result = adjtimex(&tx);
    clock.error = clock.result == -1 ? errno : 0;
    clock.maxerror = tx.maxerror;
    clock.esterror = tx.esterror;
    clock.status = tx.status;
    return clock;
}
#else
preflight_kernel_clock preflight_read_kernel_clock(void) {
    preflight_kernel_clock clock;
    memset(&clock, 0, sizeof clock);
    clock.result = -1;
    clock.error = ENOSYS;
    return clock;
}
#endif
