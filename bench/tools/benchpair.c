/*
 * benchpair: time two or more commands side by side, interleaved, and print medians.
 *
 *   benchpair [-n RUNS] [-w WARMUP] [-p PREPARE_SHELL_CMD] [-u UID:GID] -- NAME1 CMD1... ::: NAME2 CMD2... [::: ...]
 *
 * Each round runs every command once, in rotating order, so drift on the machine hits all
 * of them alike. Per run it records wall time (CLOCK_MONOTONIC around fork..wait4), CPU time
 * (user+sys of the whole waited-for process tree, from wait4's rusage) and peak RSS.
 * PREPARE runs (untimed, via /bin/sh -c) before every timed run, with $BENCH_NAME set.
 * A NAME of the form NAME@UID:GID runs that command alone as UID:GID (like -u), so a command run by an
 * unprivileged user can be interleaved with a baseline run by root.
 * Output: one line per command: name, median wall ms, median cpu ms, max peak RSS KiB.
 * A command that exits non-zero aborts the benchmark: a fast failure is not a result.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXCMDS 8

struct cmd { const char *name; char **argv; double *wall, *cpu; long maxrss; uid_t uid; gid_t gid; };

static double now_ms(void) {
    struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, cmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void prepare(const char *script, const char *name) {
    if (!script) return;
    setenv("BENCH_NAME", name, 1);
    int rc = system(script);
    if (rc != 0) { fprintf(stderr, "benchpair: prepare failed for %s (status %d)\n", name, rc); exit(1); }
}

static void run_once(struct cmd *c, int i, int record, uid_t uid, gid_t gid) {
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); exit(1); }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) { dup2(null, 1); close(null); }
        if (gid != (gid_t)-1 && (setgroups(0, NULL) || setgid(gid))) _exit(126);
        if (uid != (uid_t)-1 && setuid(uid)) _exit(126);
        execvp(c->argv[0], c->argv);
        _exit(127);
    }
    int status; struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) { perror("wait4"); exit(1); }
    double t1 = now_ms();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "benchpair: %s failed (status 0x%x)\n", c->name, status); exit(1);
    }
    if (!record) return;
    c->wall[i] = t1 - t0;
    c->cpu[i] = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 + ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
    if (ru.ru_maxrss > c->maxrss) c->maxrss = ru.ru_maxrss;
}

int main(int argc, char **argv) {
    int runs = 100, warmup = 5, opt; const char *prep = NULL; uid_t uid = -1; gid_t gid = -1;
    while ((opt = getopt(argc, argv, "+n:w:p:u:")) != -1) {
        if (opt == 'n') runs = atoi(optarg);
        else if (opt == 'w') warmup = atoi(optarg);
        else if (opt == 'p') prep = optarg;
        else if (opt == 'u') { unsigned u, g; if (sscanf(optarg, "%u:%u", &u, &g) != 2) return 2; uid = u; gid = g; }
        else return 2;
    }
    struct cmd cmds[MAXCMDS]; int n = 0;
    for (int i = optind; i < argc && n < MAXCMDS;) {
        if (strcmp(argv[i], ":::") == 0 || strcmp(argv[i], "--") == 0) { i++; continue; }
        cmds[n].name = argv[i++];
        cmds[n].uid = uid; cmds[n].gid = gid;
        char *at = strchr(cmds[n].name, '@'); unsigned cu, cg;
        if (at && sscanf(at + 1, "%u:%u", &cu, &cg) == 2) { *at = 0; cmds[n].uid = cu; cmds[n].gid = cg; }
        cmds[n].argv = &argv[i];
        while (i < argc && strcmp(argv[i], ":::") != 0) i++;
        if (i < argc) argv[i++] = NULL;
        cmds[n].wall = calloc(runs, sizeof(double)); cmds[n].cpu = calloc(runs, sizeof(double)); cmds[n].maxrss = 0;
        n++;
    }
    if (n == 0 || runs <= 0) { fprintf(stderr, "usage: benchpair [-n N] [-w N] [-p CMD] [-u UID:GID] -- NAME CMD... ::: NAME CMD...\n"); return 2; }
    for (int r = 0; r < warmup + runs; r++)
        for (int k = 0; k < n; k++) {
            struct cmd *c = &cmds[(r + k) % n];
            prepare(prep, c->name);
            run_once(c, r - warmup, r >= warmup, c->uid, c->gid);
        }
    for (int k = 0; k < n; k++)
        printf("%s %.3f %.3f %ld\n", cmds[k].name, median(cmds[k].wall, runs), median(cmds[k].cpu, runs), cmds[k].maxrss);
    return 0;
}
