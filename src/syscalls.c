/*
 * syscalls.c: the system calls a learner may meet, by number, each with
 * the role that says what a thread blocked in it waits for.
 *
 * One table, indexed by the call's number: the numbers come from the
 * kernel's headers for the architecture ptviz is built for, so there is no
 * second copy of them to drift (x86_64 and aarch64 differ in almost every
 * one).  aarch64 and the other architectures of asm-generic never had the
 * older calls (open, poll, select, epoll_wait, pause, fork...), and older
 * headers lack the newer ones (futex_waitv, epoll_pwait2, clone3): those
 * rows are each kept under their own #ifdef.  A lookup is an index.
 */
#include <sys/syscall.h>

#include <stddef.h>

#include "syscalls.h"

#define ROW(call, role)	[__NR_##call] = { #call, SYSCALLS_##role }

static const struct syscalls_row rows[] = {
	/* Waiting for time, a lock, a child, a signal. */
	ROW(nanosleep, NANOSLEEP),
	ROW(clock_nanosleep, CLOCKSLEEP),
	ROW(futex, FUTEX),
	ROW(wait4, CHILD),
	ROW(waitid, CHILD),
	ROW(flock, FLOCK),
	ROW(rt_sigsuspend, SIGNAL),
	ROW(rt_sigtimedwait, SIGNAL),
	/* Input and output on a descriptor. */
	ROW(read, IN),
	ROW(readv, IN),
	ROW(pread64, IN),
	ROW(preadv, IN),
	ROW(preadv2, IN),
	ROW(recvfrom, IN),
	ROW(recvmsg, IN),
	ROW(recvmmsg, IN),
	ROW(write, OUT),
	ROW(writev, OUT),
	ROW(pwrite64, OUT),
	ROW(pwritev, OUT),
	ROW(pwritev2, OUT),
	ROW(sendto, OUT),
	ROW(sendmsg, OUT),
	ROW(sendmmsg, OUT),
	ROW(sendfile, OUT),
	ROW(accept, ACCEPT),
	ROW(accept4, ACCEPT),
	ROW(connect, CONNECT),
	ROW(ppoll, POLL),
	ROW(pselect6, SELECT),
	ROW(epoll_pwait, EPOLL),
	/* Named only. */
	ROW(openat, OTHER),
	ROW(close, OTHER),
	ROW(lseek, OTHER),
	ROW(ioctl, OTHER),
	ROW(fcntl, OTHER),
	ROW(mmap, OTHER),
	ROW(munmap, OTHER),
	ROW(mprotect, OTHER),
	ROW(madvise, OTHER),
	ROW(brk, OTHER),
	ROW(execve, OTHER),
	ROW(execveat, OTHER),
	ROW(exit, OTHER),
	ROW(exit_group, OTHER),
	ROW(clone, OTHER),
	ROW(getpid, OTHER),
	ROW(gettid, OTHER),
	ROW(kill, OTHER),
	ROW(tgkill, OTHER),
	ROW(sched_yield, OTHER),
	ROW(sched_getaffinity, OTHER),
	ROW(rt_sigaction, OTHER),
	ROW(rt_sigprocmask, OTHER),
	ROW(getdents64, OTHER),
	ROW(statx, OTHER),
	ROW(faccessat, OTHER),
	ROW(fsync, OTHER),
	ROW(fdatasync, OTHER),
	ROW(sync, OTHER),
	ROW(unlinkat, OTHER),
	ROW(renameat2, OTHER),
	ROW(mkdirat, OTHER),
	ROW(chdir, OTHER),
	ROW(pipe2, OTHER),
	ROW(dup, OTHER),
	ROW(dup3, OTHER),
	ROW(socket, OTHER),
	ROW(socketpair, OTHER),
	ROW(bind, OTHER),
	ROW(listen, OTHER),
	ROW(shutdown, OTHER),
	ROW(setsockopt, OTHER),
	ROW(getsockopt, OTHER),
	ROW(splice, OTHER),
	ROW(getrandom, OTHER),
	ROW(set_robust_list, OTHER),
	ROW(prctl, OTHER),
	ROW(membarrier, OTHER),
	ROW(io_getevents, OTHER),
	ROW(semtimedop, OTHER),
	ROW(msgrcv, OTHER),
	ROW(mq_timedreceive, OTHER),
	ROW(ptrace, OTHER),
	/* Newer than some headers. */
#ifdef __NR_futex_waitv
	ROW(futex_waitv, FUTEXV),
#endif
#ifdef __NR_epoll_pwait2
	ROW(epoll_pwait2, EPOLL),
#endif
#ifdef __NR_clone3
	ROW(clone3, OTHER),
#endif
#ifdef __NR_rseq
	ROW(rseq, OTHER),
#endif
#ifdef __NR_io_uring_enter
	ROW(io_uring_enter, OTHER),
#endif
	/* Older than asm-generic: x86_64 has them, aarch64 does not. */
#ifdef __NR_poll
	ROW(poll, POLL),
#endif
#ifdef __NR_select
	ROW(select, SELECT),
#endif
#ifdef __NR_epoll_wait
	ROW(epoll_wait, EPOLL),
#endif
#ifdef __NR_pause
	ROW(pause, SIGNAL),
#endif
#ifdef __NR_open
	ROW(open, OTHER),
#endif
#ifdef __NR_stat
	ROW(stat, OTHER),
#endif
#ifdef __NR_fstat
	ROW(fstat, OTHER),
#endif
#ifdef __NR_newfstatat
	ROW(newfstatat, OTHER),
#endif
#ifdef __NR_access
	ROW(access, OTHER),
#endif
#ifdef __NR_pipe
	ROW(pipe, OTHER),
#endif
#ifdef __NR_dup2
	ROW(dup2, OTHER),
#endif
#ifdef __NR_fork
	ROW(fork, OTHER),
#endif
#ifdef __NR_vfork
	ROW(vfork, OTHER),
#endif
#ifdef __NR_unlink
	ROW(unlink, OTHER),
#endif
#ifdef __NR_arch_prctl
	ROW(arch_prctl, OTHER),
#endif
};

const struct syscalls_row *
syscalls_find(long nr)
{
	if (nr < 0 || (size_t)nr >= sizeof(rows) / sizeof(rows[0]) ||
	    rows[nr].name == NULL)
		return NULL;
	return &rows[nr];
}
