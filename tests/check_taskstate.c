/*
 * check_taskstate.c: real threads of the test process, each put in a
 * known wait (a sleep, a mutex, a condition, an empty pipe, a poll, a
 * child, a signal...), classified as the kernel shows them.
 *
 * A thread says its tid, then blocks; the test reads its state until it
 * is the one expected, for up to 5 s, so that a busy machine only makes
 * the test slower, never wrong: a thread on its way to the call (taking
 * glibc's own locks, say) reads as something else for a moment.
 */
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/taskstate.h"
#include "../src/taskwords.h"
#include "suites.h"

#define SOON_TRIES	500	/* 10 ms apart: 5 s */

/* A thread of the test that blocks in `block`. */
struct th {
	pthread_t	 t;
	pid_t		 tid;		/* set by the thread */
	void		(*block)(struct th *);
	int		 fd, fd2;	/* what it waits on */
	void		*obj;		/* a mutex, a condition... */
	pid_t		 child;
	int		 done;
};

/* What the reading must show: a class, and if not 0 / -1 a futex word
   and a descriptor. */
struct expect {
	enum taskstate_class cls;
	uint64_t	 futex;
	int		 fd;
};

static void *
th_main(void *p)
{
	struct th *t = p;

	__atomic_store_n(&t->tid, gettid(), __ATOMIC_RELEASE);
	t->block(t);
	return NULL;
}

/* 0 while /proc still has thread tid of this process. */
static int
task_gone(pid_t tid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/task/%d", (int)tid);
	return access(path, F_OK) == 0 ? 0 : 1;
}

static void
on_wake(int sig)
{
}

/* End t's sleep: a signal with a handler, which interrupts it (not
   pthread_cancel(), whose unwinding AddressSanitizer mistakes). */
static void
th_wake(struct th *t)
{
	struct sigaction sa = { .sa_handler = on_wake };

	sigaction(SIGUSR2, &sa, NULL);
	ck_assert_int_eq(pthread_kill(t->t, SIGUSR2), 0);
	pthread_join(t->t, NULL);
	/* Joined, its task may still be going away in the kernel for a
	   moment (the tid is cleared before the task is released): wait,
	   up to 5 s, until /proc no longer has it. */
	for (int i = 0; i < 500 && task_gone(t->tid) == 0; i++)
		usleep(10000);
}

/* Start t blocking in `block`; its tid. */
static pid_t
th_start(struct th *t, void (*block)(struct th *))
{
	pid_t tid;

	t->block = block;
	t->tid = 0;
	ck_assert_int_eq(pthread_create(&t->t, NULL, th_main, t), 0);
	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)) == 0)
		usleep(1000);
	return tid;
}

/* Read thread tid of pid until it shows e, for up to 5 s: true if it
   did; the last reading in ts. */
static bool
shows_in(pid_t pid, pid_t tid, struct expect e, struct taskstate *ts)
{
	int i;

	for (i = 0; i < SOON_TRIES; i++) {
		ck_assert_int_eq(taskstate_read("/proc", pid, tid,
		    TASKSTATE_WANT_ALL, ts), 0);
		if (ts->cls == e.cls && (e.futex == 0 || ts->futex ==
		    e.futex) && (e.fd == -1 || ts->fd == e.fd))
			return true;
		usleep(10000);
	}
	return false;
}

/* Read thread tid of the test until it shows e: shows_in(). */
static bool
shows_soon(pid_t tid, struct expect e, struct taskstate *ts)
{
	return shows_in(getpid(), tid, e, ts);
}

/* The sentence of ts, in a static buffer, for an assertion. */
static const char *
told(const struct taskstate *ts)
{
	static char buf[160];

	taskwords_describe(ts, buf, sizeof(buf));
	return buf;
}

static void
block_nanosleep(struct th *t)
{
	struct timespec ten = { 10, 0 };

	nanosleep(&ten, NULL);
}

START_TEST(taskstate_thread_in_nanosleep_is_a_timed_sleep)
{
	struct taskstate ts;
	struct th t;
	pid_t tid = th_start(&t, block_nanosleep);

	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_SLEEP, 0,
	    -1 }, &ts), "a sleeping thread reads as %s", told(&ts));
	ck_assert_str_eq(taskwords_cell(&ts), "sleep");
	ck_assert(ts.have_syscall);
	/* glibc's nanosleep() is the clock_nanosleep call, relative. */
	ck_assert_ptr_nonnull(strstr(ts.call, "nanosleep"));
	ck_assert(!ts.sleep_left);
	ck_assert_int_eq(ts.sleep_ns, 10000000000LL);
	ck_assert_ptr_nonnull(strstr(told(&ts), "in a timed sleep"));
	ck_assert_ptr_nonnull(strstr(told(&ts), "10 s asked"));
	th_wake(&t);
	ck_assert_int_eq(taskstate_read("/proc", getpid(), tid,
	    TASKSTATE_WANT_ALL, &ts), 0);
	ck_assert(ts.gone);
	ck_assert_int_eq(ts.cls, TASKSTATE_GONE);
}
END_TEST

static void
block_until(struct th *t)
{
	struct timespec at;

	clock_gettime(CLOCK_MONOTONIC, &at);
	at.tv_sec += 10;
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL);
}

START_TEST(taskstate_sleep_until_a_time_says_what_is_left)
{
	struct taskstate ts;
	struct th t;
	pid_t tid = th_start(&t, block_until);

	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_SLEEP, 0,
	    -1 }, &ts), "a sleeping thread reads as %s", told(&ts));
	ck_assert_str_eq(ts.call, "clock_nanosleep");
	ck_assert(ts.sleep_left);
	ck_assert_int_gt(ts.sleep_ns, 0);
	ck_assert_int_le(ts.sleep_ns, 10000000000LL);
	ck_assert_ptr_nonnull(strstr(told(&ts), "s left"));
	th_wake(&t);
}
END_TEST

static void
block_mutex(struct th *t)
{
	pthread_mutex_lock(t->obj);
	pthread_mutex_unlock(t->obj);
}

START_TEST(taskstate_two_threads_on_one_mutex_wait_on_one_word)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	struct taskstate a, b;
	struct th t1 = { .obj = &m }, t2 = { .obj = &m };
	/* glibc's mutex: its futex word is the first of it. */
	uint64_t word = (uint64_t)(uintptr_t)&m;
	pid_t tid1, tid2;

	pthread_mutex_lock(&m);
	tid1 = th_start(&t1, block_mutex);
	tid2 = th_start(&t2, block_mutex);
	ck_assert_msg(shows_soon(tid1, (struct expect){ TASKSTATE_LOCK, word,
	    -1 }, &a), "a thread in pthread_mutex_lock reads as %s",
	    told(&a));
	ck_assert_msg(shows_soon(tid2, (struct expect){ TASKSTATE_LOCK, word,
	    -1 }, &b), "a thread in pthread_mutex_lock reads as %s",
	    told(&b));
	ck_assert_uint_eq(a.futex, b.futex);
	ck_assert_str_eq(a.call, "futex");
	ck_assert_str_eq(taskwords_cell(&a), "lock");
	ck_assert_ptr_nonnull(strstr(told(&a), "waiting on a lock"));
	pthread_mutex_unlock(&m);
	pthread_join(t1.t, NULL);
	pthread_join(t2.t, NULL);
}
END_TEST

static pthread_mutex_t cond_m = PTHREAD_MUTEX_INITIALIZER;

static void
block_cond(struct th *t)
{
	pthread_mutex_lock(&cond_m);
	while (!t->done)
		pthread_cond_wait(t->obj, &cond_m);
	pthread_mutex_unlock(&cond_m);
}

START_TEST(taskstate_thread_in_cond_wait_waits_on_the_condition)
{
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct taskstate ts;
	struct th t = { .obj = &c };
	pid_t tid = th_start(&t, block_cond);
	uint64_t at = (uint64_t)(uintptr_t)&c;
	int i;

	/* Its word is one of the condition's own. */
	for (i = 0; i < SOON_TRIES; i++) {
		ck_assert(shows_soon(tid, (struct expect){ TASKSTATE_LOCK, 0,
		    -1 }, &ts));
		if (ts.futex >= at && ts.futex < at + sizeof(c))
			break;
		usleep(10000);
	}
	ck_assert_msg(ts.futex >= at && ts.futex < at + sizeof(c),
	    "waits on %s, not the condition at %p", told(&ts), (void *)&c);
	pthread_mutex_lock(&cond_m);
	t.done = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&cond_m);
	pthread_join(t.t, NULL);
}
END_TEST

static void
block_read(struct th *t)
{
	char c;

	(void)read(t->fd, &c, 1);
}

START_TEST(taskstate_read_on_an_empty_pipe_waits_for_input_from_a_pipe)
{
	struct taskstate ts;
	struct th t;
	int p[2];
	pid_t tid;

	ck_assert_int_eq(pipe(p), 0);
	t.fd = p[0];
	tid = th_start(&t, block_read);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0, p[0] },
	    &ts), "a read on a pipe reads as %s", told(&ts));
	ck_assert_int_eq(ts.io, TASKSTATE_IO_IN);
	ck_assert_int_eq(ts.fdkind, TASKFD_PIPE);
	ck_assert_str_eq(taskwords_cell(&ts), "read");
	ck_assert_ptr_eq(strstr(ts.fdlink, "pipe:["), ts.fdlink);
	ck_assert_ptr_nonnull(strstr(told(&ts), "waiting for input from a "
	    "pipe"));
	ck_assert_int_eq(write(p[1], "x", 1), 1);
	pthread_join(t.t, NULL);
	close(p[0]);
	close(p[1]);
}
END_TEST

static void
block_write(struct th *t)
{
	static char big[1 << 16];

	(void)write(t->fd, big, sizeof(big));
}

START_TEST(taskstate_write_to_a_full_pipe_waits_to_write)
{
	struct taskstate ts;
	struct th t;
	char drain[4096];
	int p[2];
	pid_t tid;

	ck_assert_int_eq(pipe(p), 0);
	/* A pipe of one page, so that the write blocks. */
	ck_assert_int_ge(fcntl(p[1], F_SETPIPE_SZ, 4096), 4096);
	t.fd = p[1];
	tid = th_start(&t, block_write);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0, p[1] },
	    &ts), "a write to a full pipe reads as %s", told(&ts));
	ck_assert_int_eq(ts.io, TASKSTATE_IO_OUT);
	ck_assert_str_eq(taskwords_cell(&ts), "write");
	ck_assert_int_eq(ts.fdkind, TASKFD_PIPE);
	close(p[1]);
	while (read(p[0], drain, sizeof(drain)) > 0)
		;
	pthread_join(t.t, NULL);
	close(p[0]);
}
END_TEST

static void
block_poll(struct th *t)
{
	struct pollfd fds[2] = { { t->fd, POLLIN, 0 }, { t->fd2, POLLIN, 0 } };

	(void)poll(fds, 2, 20000);
}

START_TEST(taskstate_poll_on_a_socket_waits_on_a_socket)
{
	struct taskstate ts;
	struct th t;
	int s[2], p[2];
	pid_t tid;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, s), 0);
	ck_assert_int_eq(pipe(p), 0);
	t.fd = s[0];
	t.fd2 = p[0];
	tid = th_start(&t, block_poll);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0, s[0] },
	    &ts), "a poll on a socket reads as %s", told(&ts));
	ck_assert_int_eq(ts.io, TASKSTATE_IO_EITHER);
	ck_assert_int_eq(ts.fdkind, TASKFD_SOCKET);
	ck_assert_uint_eq(ts.nfds, 2);
	ck_assert_str_eq(taskwords_cell(&ts), "poll");
	ck_assert_ptr_nonnull(strstr(told(&ts), "a socket and 1 more"));
	ck_assert_int_eq(write(s[1], "x", 1), 1);
	pthread_join(t.t, NULL);
	close(s[0]);
	close(s[1]);
	close(p[0]);
	close(p[1]);
}
END_TEST

static void
block_select(struct th *t)
{
	struct timeval tv = { 20, 0 };
	fd_set in;

	FD_ZERO(&in);
	FD_SET(t->fd, &in);
	FD_SET(t->fd2, &in);
	(void)select((t->fd > t->fd2 ? t->fd : t->fd2) + 1, &in, NULL, NULL,
	    &tv);
}

static void
block_epoll(struct th *t)
{
	struct epoll_event ev;

	(void)epoll_wait(t->fd, &ev, 1, 20000);
}

START_TEST(taskstate_select_and_epoll_name_their_first_descriptor)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct taskstate ts;
	struct th t1, t2;
	int p[2], q[2], ep;
	pid_t tid;

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_eq(pipe(q), 0);
	t1.fd = p[0];
	t1.fd2 = q[0];
	tid = th_start(&t1, block_select);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0,
	    p[0] < q[0] ? p[0] : q[0] }, &ts), "a select reads as %s",
	    told(&ts));
	ck_assert_uint_eq(ts.nfds, 2);
	ck_assert_int_eq(ts.fdkind, TASKFD_PIPE);
	ck_assert_ptr_nonnull(strstr(ts.call, "select"));
	ck_assert_int_ge(ep = epoll_create1(EPOLL_CLOEXEC), 0);
	ck_assert_int_eq(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
	ck_assert_int_eq(epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &ev), 0);
	t2.fd = ep;
	tid = th_start(&t2, block_epoll);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0, -1 },
	    &ts) && ts.fd >= 0, "an epoll_wait reads as %s", told(&ts));
	ck_assert(ts.fd == p[0] || ts.fd == q[0]);
	ck_assert_uint_eq(ts.nfds, 2);
	ck_assert_int_eq(ts.fdkind, TASKFD_PIPE);
	ck_assert_ptr_nonnull(strstr(ts.call, "epoll"));
	ck_assert_int_eq(write(p[1], "x", 1), 1);
	pthread_join(t1.t, NULL);
	pthread_join(t2.t, NULL);
	close(ep);
}
END_TEST

static void
block_waitpid(struct th *t)
{
	(void)waitpid(t->child, NULL, 0);
}

/* A child that waits for a signal (sigsuspend: pause(2) is not a call
   on every architecture). */
static pid_t
child_waiting(void)
{
	sigset_t none;
	pid_t pid;

	if ((pid = fork()) == 0) {
		sigemptyset(&none);
		sigsuspend(&none);
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	return pid;
}

START_TEST(taskstate_parent_in_waitpid_waits_for_a_child)
{
	struct taskstate ts;
	struct th t;
	pid_t tid;

	t.child = child_waiting();
	tid = th_start(&t, block_waitpid);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_CHILD, 0,
	    -1 }, &ts), "a thread in waitpid reads as %s", told(&ts));
	ck_assert_ptr_nonnull(strstr(ts.call, "wait"));
	ck_assert_str_eq(taskwords_cell(&ts), "child");
	/* The child, meanwhile, waits for a signal. */
	ck_assert_msg(shows_in(t.child, 0, (struct expect){ TASKSTATE_SIGNAL,
	    0, -1 }, &ts), "a child in sigsuspend reads as %s", told(&ts));
	ck_assert_int_eq(kill(t.child, SIGKILL), 0);
	pthread_join(t.t, NULL);
}
END_TEST

static void
block_spin(struct th *t)
{
	while (!__atomic_load_n(&t->done, __ATOMIC_RELAXED))
		;
}

START_TEST(taskstate_spinning_thread_is_on_a_cpu)
{
	struct taskstate ts;
	struct th t = { .done = 0 };
	pid_t tid = th_start(&t, block_spin);

	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_CPU, 0, -1 },
	    &ts), "a spinning thread reads as %s", told(&ts));
	ck_assert_int_eq(ts.state, 'R');
	ck_assert_str_eq(taskwords_cell(&ts), "cpu");
	/* R says it all: the syscall file is not read (nor wchan, not
	   asked). */
	ck_assert(!ts.have_syscall);
	ck_assert_int_eq(taskstate_read("/proc", getpid(), tid, 0, &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_CPU);
	ck_assert_uint_eq(ts.reads, 1);
	__atomic_store_n(&t.done, 1, __ATOMIC_RELAXED);
	pthread_join(t.t, NULL);
}
END_TEST

static void
block_sigwait(struct th *t)
{
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	(void)sigwait(&set, &sig);
}

static void
block_accept(struct th *t)
{
	(void)accept(t->fd, NULL, NULL);
}

static void
block_terminal(struct th *t)
{
	block_read(t);
}

START_TEST(taskstate_sigwait_accept_and_a_terminal_are_told_apart)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	socklen_t salen;
	struct taskstate ts;
	struct th t1, t2, t3;
	int l, c, pty, tty;
	pid_t tid;

	tid = th_start(&t1, block_sigwait);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_SIGNAL, 0,
	    -1 }, &ts), "a sigwait reads as %s", told(&ts));
	/* A socket with an abstract name, so that a connection ends its
	   accept. */
	salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
	    (size_t)snprintf(sa.sun_path + 1, sizeof(sa.sun_path) - 1,
	    "ptviz-check-%d", (int)getpid()));
	ck_assert_int_ge(l = socket(AF_UNIX, SOCK_STREAM, 0), 0);
	ck_assert_int_eq(bind(l, (struct sockaddr *)&sa, salen), 0);
	ck_assert_int_eq(listen(l, 1), 0);
	t2.fd = l;
	tid = th_start(&t2, block_accept);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0, l },
	    &ts), "an accept reads as %s", told(&ts));
	ck_assert_int_eq(ts.io, TASKSTATE_IO_ACCEPT);
	ck_assert_int_eq(ts.fdkind, TASKFD_SOCKET);
	ck_assert_ptr_nonnull(strstr(told(&ts), "a connection on a socket"));
	ck_assert_int_ge(pty = posix_openpt(O_RDWR | O_NOCTTY), 0);
	ck_assert_int_eq(grantpt(pty), 0);
	ck_assert_int_eq(unlockpt(pty), 0);
	ck_assert_int_ge(tty = open(ptsname(pty), O_RDWR | O_NOCTTY), 0);
	t3.fd = tty;
	tid = th_start(&t3, block_terminal);
	ck_assert_msg(shows_soon(tid, (struct expect){ TASKSTATE_IO, 0, tty },
	    &ts), "a read on a terminal reads as %s", told(&ts));
	ck_assert_int_eq(ts.fdkind, TASKFD_TERMINAL);
	ck_assert_ptr_nonnull(strstr(told(&ts), "from the terminal"));
	pthread_kill(t1.t, SIGUSR1);
	ck_assert_int_ge(c = socket(AF_UNIX, SOCK_STREAM, 0), 0);
	ck_assert_int_eq(connect(c, (struct sockaddr *)&sa, salen), 0);
	ck_assert_int_eq(write(pty, "x\n", 2), 2);
	pthread_join(t1.t, NULL);
	pthread_join(t2.t, NULL);
	pthread_join(t3.t, NULL);
}
END_TEST

START_TEST(taskstate_stopped_zombie_and_reaped_child)
{
	struct taskstate ts;
	siginfo_t si;
	pid_t pid = child_waiting();
	int status;

	ck_assert_int_eq(kill(pid, SIGSTOP), 0);
	ck_assert_int_eq(waitpid(pid, &status, WUNTRACED), pid);
	ck_assert_int_eq(taskstate_read("/proc", pid, 0, 0, &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_STOPPED);
	ck_assert_str_eq(taskwords_cell(&ts), "stopped");
	ck_assert_int_eq(kill(pid, SIGKILL), 0);
	ck_assert_int_eq(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT), 0);
	ck_assert_int_eq(taskstate_read("/proc", pid, pid, 0, &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_ZOMBIE);
	ck_assert_str_eq(taskwords_cell(&ts), "zombie");
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_int_eq(taskstate_read("/proc", pid, pid, 0, &ts), 0);
	ck_assert(ts.gone);
	ck_assert_str_eq(taskwords_cell(&ts), "gone");
}
END_TEST

START_TEST(taskstate_files_kept_open_read_the_same_until_gone)
{
	struct taskstate_files f;
	struct taskstate ts;
	struct th t;
	pid_t tid = th_start(&t, block_nanosleep);

	ck_assert(shows_soon(tid, (struct expect){ TASKSTATE_SLEEP, 0, -1 },
	    &ts));
	ck_assert_int_eq(taskstate_open("/proc", getpid(), tid, &f), 0);
	ck_assert_int_eq(taskstate_read_open(&f, 0, &ts), 0);
	ck_assert_int_eq(ts.cls, TASKSTATE_SLEEP);
	ck_assert_int_eq(ts.state, 'S');
	ck_assert_uint_eq(ts.reads, 2);
	/* Quick: the syscall file alone. */
	ck_assert_int_eq(taskstate_read_open(&f, TASKSTATE_WANT_QUICK, &ts),
	    0);
	ck_assert_int_eq(ts.cls, TASKSTATE_SLEEP);
	ck_assert_uint_eq(ts.reads, 1);
	ck_assert_int_eq(ts.state, 0);
	ck_assert_int_eq(taskstate_read_open(&f, TASKSTATE_WANT_QUICK |
	    TASKSTATE_WANT_SLEEP, &ts), 0);
	ck_assert_int_eq(ts.sleep_ns, 10000000000LL);
	th_wake(&t);
	ck_assert_int_eq(taskstate_read_open(&f, 0, &ts), 0);
	ck_assert(ts.gone);
	ck_assert_int_eq(taskstate_read_open(&f, TASKSTATE_WANT_QUICK, &ts),
	    0);
	ck_assert(ts.gone);
	taskstate_close(&f);
	ck_assert_int_eq(f.stat_fd, -1);
	ck_assert_int_eq(taskstate_open("/proc", getpid(), tid, &f), -1);
	ck_assert_int_eq(errno, ENOENT);
}
END_TEST

Suite *
taskstate_suite(void)
{
	Suite *s = suite_create("taskstate");
	TCase *tc = tcase_create("taskstate");

	/* Each test waits up to 5 s for a thread to show: room for two. */
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, taskstate_thread_in_nanosleep_is_a_timed_sleep);
	tcase_add_test(tc, taskstate_sleep_until_a_time_says_what_is_left);
	tcase_add_test(tc,
	    taskstate_two_threads_on_one_mutex_wait_on_one_word);
	tcase_add_test(tc,
	    taskstate_thread_in_cond_wait_waits_on_the_condition);
	tcase_add_test(tc,
	    taskstate_read_on_an_empty_pipe_waits_for_input_from_a_pipe);
	tcase_add_test(tc, taskstate_write_to_a_full_pipe_waits_to_write);
	tcase_add_test(tc, taskstate_poll_on_a_socket_waits_on_a_socket);
	tcase_add_test(tc,
	    taskstate_select_and_epoll_name_their_first_descriptor);
	tcase_add_test(tc, taskstate_parent_in_waitpid_waits_for_a_child);
	tcase_add_test(tc, taskstate_spinning_thread_is_on_a_cpu);
	tcase_add_test(tc,
	    taskstate_sigwait_accept_and_a_terminal_are_told_apart);
	tcase_add_test(tc, taskstate_stopped_zombie_and_reaped_child);
	tcase_add_test(tc,
	    taskstate_files_kept_open_read_the_same_until_gone);
	suite_add_tcase(s, tc);
	return s;
}
