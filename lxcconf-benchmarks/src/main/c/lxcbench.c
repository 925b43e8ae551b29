/*
 * lxcbench: times liblxc's own loading of LXC config files, for comparison with lxcconf's parse.
 *
 *   lxcbench [-t SECONDS] [-r ROUNDS] LXCPATH FILE...
 *       For each FILE, repeats for SECONDS (default 1) per round,
 *       ROUNDS times (default 5), after one round of warm-up:
 *         fresh: lxc_container_new() + load_config(FILE) + lxc_container_put(), what a tool that reads one
 *                config does;
 *         reuse: load_config(FILE) + clear_config() on one container made beforehand (no container
 *                creation; clear_config frees what load_config built).
 *       Prints one line per FILE and mode: "FILE<TAB>MODE<TAB>median ns/op<TAB>min ns/op<TAB>max ns/op".
 *       The fresh figure of an empty FILE (zero bytes) is the cost of creating and freeing a container object
 *       alone; a FILE's figure less that one is what reading the FILE costs.
 *
 *   lxcbench -f [-t SECONDS] [-r ROUNDS] LXCPATH LISTFILE
 *       Fleet: one operation loads every file named in LISTFILE (one path a line), each into a fresh
 *       container; prints "fleet<TAB>N files<TAB>median ns per file<TAB>min<TAB>max".
 *
 *   lxcbench -1 LXCPATH LISTFILE
 *       Loads every listed file once, each into a fresh container, and prints how many loaded: the
 *       one-shot run that `time` measures next to `lxcconf lint DIR`.
 *
 * liblxc logs at level ERROR to /dev/null (its log file and stderr), so an invalid line costs what formatting
 * its message costs, as in a quiet tool. Build: gcc -O2 -o lxcbench lxcbench.c -llxc
 */
#define _GNU_SOURCE
#include <lxc/lxccontainer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

static const char *lxcpath;
static FILE *err;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int load_fresh(const char *file) {
    struct lxc_container *c = lxc_container_new("bench", lxcpath);
    if (c == NULL) {
        fprintf(err, "lxcbench: lxc_container_new failed\n");
        exit(2);
    }
    int ok = c->load_config(c, file) ? 1 : 0;
    lxc_container_put(c);
    return ok;
}

static struct lxc_container *reused;

static int load_reuse(const char *file) {
    int ok = reused->load_config(reused, file) ? 1 : 0;
    reused->clear_config(reused);
    return ok;
}

static char **fleet;
static int fleet_n;

static int load_fleet(const char *unused) {
    (void)unused;
    int ok = 0;
    for (int i = 0; i < fleet_n; i++) {
        ok += load_fresh(fleet[i]);
    }
    return ok;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs op(file) for `seconds` per round, `rounds` rounds after one warm-up round; fills ns/op per round. */
static void measure(int (*op)(const char *), const char *file, double seconds, int rounds, double *ns) {
    volatile int sink = 0;
    for (int r = -1; r < rounds; r++) {
        long n = 0;
        double start = now(), t;
        do {
            for (int k = 0; k < 8; k++) {
                sink += op(file);
            }
            n += 8;
            t = now();
        } while (t - start < seconds);
        if (r >= 0) {
            ns[r] = (t - start) * 1e9 / n;
        }
    }
    qsort(ns, rounds, sizeof *ns, cmp);
}

static void report(const char *name, const char *mode, double *ns, int rounds, double per) {
    printf("%s\t%s\t%.0f\t%.0f\t%.0f\n", name, mode, ns[rounds / 2] / per, ns[0] / per, ns[rounds - 1] / per);
    fflush(stdout);
}

static void read_list(const char *list) {
    FILE *f = fopen(list, "r");
    if (f == NULL) {
        perror(list);
        exit(2);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int capn = 1024;
    fleet = malloc(capn * sizeof *fleet);
    while ((len = getline(&line, &cap, f)) > 0) {
        if (line[len - 1] == '\n') {
            line[--len] = '\0';
        }
        if (len == 0) {
            continue;
        }
        if (fleet_n == capn) {
            capn *= 2;
            fleet = realloc(fleet, capn * sizeof *fleet);
        }
        fleet[fleet_n++] = strdup(line);
    }
    free(line);
    fclose(f);
}

int main(int argc, char **argv) {
    double seconds = 1;
    int rounds = 5;
    int mode = 0;
    int opt;
    while ((opt = getopt(argc, argv, "t:r:f1")) != -1) {
        switch (opt) {
            case 't': seconds = atof(optarg); break;
            case 'r': rounds = atoi(optarg); break;
            case 'f': mode = 'f'; break;
            case '1': mode = '1'; break;
            default: return 2;
        }
    }
    if (rounds < 1 || argc - optind < 2) {
        fprintf(stderr, "usage: lxcbench [-t SECONDS] [-r ROUNDS] LXCPATH FILE...\n"
                        "       lxcbench -f [-t SECONDS] [-r ROUNDS] LXCPATH LISTFILE\n"
                        "       lxcbench -1 LXCPATH LISTFILE\n");
        return 2;
    }
    lxcpath = argv[optind];
    struct lxc_log log = {.name = "bench", .lxcpath = lxcpath, .file = "/dev/null", .level = "ERROR",
                          .prefix = "lxcbench", .quiet = true};
    if (lxc_log_init(&log) < 0) {
        fprintf(stderr, "lxcbench: cannot start liblxc's log\n");
        return 2;
    }
    /* liblxc also writes its errors to stderr: send them to /dev/null, keep stderr for our own messages */
    err = fdopen(dup(2), "w");
    int devnull = open("/dev/null", O_WRONLY);
    if (err == NULL || devnull < 0 || dup2(devnull, 2) < 0) {
        perror("lxcbench");
        return 2;
    }
    setvbuf(err, NULL, _IONBF, 0);
    double *ns = calloc(rounds, sizeof *ns);
    if (mode == '1' || mode == 'f') {
        read_list(argv[optind + 1]);
        if (mode == '1') {
            printf("%d of %d files loaded (liblxc %s)\n", load_fleet(NULL), fleet_n, lxc_get_version());
            return 0;
        }
        measure(load_fleet, NULL, seconds, rounds, ns);
        char name[32];
        snprintf(name, sizeof name, "%d files", fleet_n);
        report("fleet", name, ns, rounds, fleet_n);
        return 0;
    }
    reused = lxc_container_new("bench", lxcpath);
    if (reused == NULL) {
        fprintf(err, "lxcbench: lxc_container_new failed\n");
        return 2;
    }
    for (int i = optind + 1; i < argc; i++) {
        if (!load_fresh(argv[i])) {
            fprintf(err, "lxcbench: liblxc refuses %s (timed all the same)\n", argv[i]);
        }
        measure(load_fresh, argv[i], seconds, rounds, ns);
        report(argv[i], "fresh", ns, rounds, 1);
        measure(load_reuse, argv[i], seconds, rounds, ns);
        report(argv[i], "reuse", ns, rounds, 1);
    }
    lxc_container_put(reused);
    return 0;
}
