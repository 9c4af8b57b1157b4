#ifndef PREFLIGHT_CADJTIMEX_H
#define PREFLIGHT_CADJTIMEX_H

/* The kernel's clock-discipline state, read with adjtimex(2) in modes 0 (read only, any user).
   Swift's Glibc module does not expose struct timex, so this target copies the fields A5 needs. */
typedef struct {
    long maxerror;   /* µs */
    long esterror;   /* µs */
    int status;      /* STA_* flags; 0x40 is STA_UNSYNC */
    int result;      /* adjtimex's return value: TIME_OK .. TIME_ERROR (5), or -1 */
    int error;       /* errno when result is -1, else 0 */
} preflight_kernel_clock;

preflight_kernel_clock preflight_read_kernel_clock(void);

#endif
