/*
 * lxcload: loads LXC config files with the real liblxc and reports what it holds.
 *
 * One process answers many requests. A request is one line on stdin, fields separated by TAB:
 *
 *     DIR <TAB> FILE <TAB> KEY <TAB> KEY ... <LF>
 *
 * For each request a fresh container object is made (liblxc keeps its state per object), the working
 * directory is set to DIR (liblxc resolves a relative lxc.include against it), FILE is loaded with
 * load_config(), and each KEY is read back with get_config_item(). The answer, on the original stdout:
 *
 *     LOAD <0|1> <n>\n <n bytes of liblxc's log for this load>\n
 *     then per KEY:  ITEM <rc> <n>\n <n bytes of the value>\n
 *     END\n
 *
 * rc is get_config_item's return value (negative: the key cannot be read). Every length counts bytes, so
 * values may hold anything. liblxc's log goes to the file named by argv[1] (nothing goes to stderr),
 * and stdout/stderr are pointed at that log too, so nothing liblxc prints can mix with the answers.
 */
#include <lxc/lxccontainer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

static FILE *out;
static int logfd = -1;

static void put(const char *tag, long rc, const char *buf, size_t n) {
    fprintf(out, "%s %ld %zu\n", tag, rc, n);
    if (n > 0) {
        fwrite(buf, 1, n, out);
    }
    fputc('\n', out);
}

static char *log_since(off_t start, size_t *n) {
    struct stat st;
    *n = 0;
    if (logfd < 0 || fstat(logfd, &st) < 0 || st.st_size <= start) {
        return NULL;
    }
    size_t len = (size_t)(st.st_size - start);
    if (len > 65536) {
        len = 65536;
    }
    char *buf = malloc(len);
    ssize_t r = pread(logfd, buf, len, start);
    *n = r > 0 ? (size_t)r : 0;
    return buf;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: lxcload LOGFILE LXCPATH\n");
        return 2;
    }
    int answers = dup(1);
    out = fdopen(answers, "w");
    int sink = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (out == NULL || sink < 0) {
        perror("lxcload");
        return 2;
    }
    dup2(sink, 1);
    dup2(sink, 2);
    struct lxc_log log = {.name = "probe", .lxcpath = argv[2], .file = argv[1], .level = "ERROR",
                          .prefix = "lxcload", .quiet = true};
    if (lxc_log_init(&log) < 0) {
        fprintf(out, "FATAL cannot start liblxc's log\n");
        return 2;
    }
    logfd = open(argv[1], O_RDONLY | O_CLOEXEC);
    fprintf(out, "READY %s\n", lxc_get_version());
    fflush(out);

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n') {
            line[--len] = '\0';
        }
        char *save = NULL;
        char *dir = strtok_r(line, "\t", &save);
        char *file = strtok_r(NULL, "\t", &save);
        if (dir == NULL || file == NULL) {
            fprintf(out, "FATAL bad request\n");
            fflush(out);
            continue;
        }
        struct stat st;
        off_t start = (logfd >= 0 && fstat(logfd, &st) == 0) ? st.st_size : 0;
        int loaded = 0;
        struct lxc_container *c = NULL;
        if (chdir(dir) == 0) {
            c = lxc_container_new("probe", argv[2]);
            if (c != NULL) {
                loaded = c->load_config(c, file) ? 1 : 0;
            }
        }
        size_t n;
        char *logged = log_since(start, &n);
        put("LOAD", loaded, logged, n);
        free(logged);
        char *key;
        while ((key = strtok_r(NULL, "\t", &save)) != NULL) {
            if (c == NULL) {
                put("ITEM", -1, NULL, 0);
                continue;
            }
            int need = c->get_config_item(c, key, NULL, 0);
            if (need < 0) {
                put("ITEM", need, NULL, 0);
                continue;
            }
            char *buf = calloc((size_t)need + 1, 1);
            int got = c->get_config_item(c, key, buf, need + 1);
            size_t have = got < 0 ? 0 : strnlen(buf, (size_t)need);
            put("ITEM", got, buf, have);
            free(buf);
        }
        if (c != NULL) {
            lxc_container_put(c);
        }
        fputs("END\n", out);
        fflush(out);
    }
    free(line);
    return 0;
}
