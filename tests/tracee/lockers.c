/*
 * lockers.c: a program for the tracer's tests: a thread "holder" takes a
 * mutex and keeps it 3 seconds; two threads, "waiter-a" and "waiter-b",
 * started once it holds it, block on that mutex until it lets go.  Both
 * wait on the same futex word.  It prints nothing and exits 0.
 */
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static char name_a[] = "waiter-a", name_b[] = "waiter-b";
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static sem_t held;

static void *
holder(void *arg)
{
	(void)arg;
	pthread_setname_np(pthread_self(), "holder");
	pthread_mutex_lock(&mutex);
	sem_post(&held);
	sleep(3);
	pthread_mutex_unlock(&mutex);
	return NULL;
}

static void *
waiter(void *arg)
{
	pthread_setname_np(pthread_self(), arg);
	pthread_mutex_lock(&mutex);
	pthread_mutex_unlock(&mutex);
	return NULL;
}

int
main(void)
{
	pthread_t h, a, b;

	sem_init(&held, 0, 0);
	pthread_create(&h, NULL, holder, NULL);
	while (sem_wait(&held) != 0)
		;
	pthread_create(&a, NULL, waiter, name_a);
	pthread_create(&b, NULL, waiter, name_b);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_join(h, NULL);
	return 0;
}
