# classic.py: the exercise ptviz's own program reproduces, written as a
# student would, for the tracer's tests: 5 processes x 3 threads, each
# thread sleeping a little, joined, with the reference lines.  An
# argument, if given, is each thread's sleep in seconds.
import multiprocessing
import os
import sys
import threading
import time

SLEEP = float(sys.argv[1]) if len(sys.argv) > 1 else None


def say(line):
    # One write a line: the processes share the output, and print() may
    # write a line and its newline apart.
    os.write(1, (line + "\n").encode())


def work(p, t):
    time.sleep(SLEEP if SLEEP is not None else 0.05 * t)
    say(f">thread Thread-{t} in process Process-{p} done.")


def process(p):
    threads = [threading.Thread(target=work, args=(p, t), name=f"Thread-{t}")
               for t in range(1, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    say(f"Process Process-{p} done.")


if __name__ == "__main__":
    procs = [multiprocessing.Process(target=process, args=(p,))
             for p in range(1, 6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    say("Main process done.")
