/*
 * libc/src/unistd/getopt.c - command-line options: getopt() (POSIX).
 *
 * Each call returns the next option letter of argv and leaves optind at
 * the next argument to look at; a letter followed by ':' in @optstring
 * takes an argument (optarg), in the same word ("-ofile") or the next
 * ("-o file"). "--" ends the options. The error messages are glibc's:
 *   prog: invalid option -- 'x'
 *   prog: option requires an argument -- 'x'
 * Unlike glibc's default, Pagoda's getopt does not reorder argv: it stops
 * at the first argument that is not an option, as POSIX (and glibc with
 * POSIXLY_CORRECT) does.
 */
#include <unistd.h>
#include <stdio.h>
#include <string.h>

char *optarg;	/* the argument of the last option, if it takes one */
int optind = 1; /* index of the next argv element to process */
int opterr = 1; /* print messages on stderr (0: be quiet) */
int optopt;	/* the option letter that caused an error */

static int optpos = 1; /* position of the next letter in argv[optind] */

/* report @msg about option @c, unless opterr or a leading ':' forbids it */
static void
getopt_error(char *const argv[], const char *optstring, const char *msg, int c)
{
	if (opterr && optstring[0] != ':')
		fprintf(stderr, "%s: %s -- '%c'\n", argv[0], msg, c);
}

/*
 * getopt - the next option in @argv (@argc elements) as @optstring
 * describes them. Returns the option letter, '?' for an unknown one or a
 * missing argument (':' instead when @optstring starts with ':'), or -1
 * when the options are over.
 */
int
getopt(int argc, char *const argv[], const char *optstring)
{
	const char *spec;
	char *arg;
	int c;

	optarg = NULL;
	if (optind == 0) { /* glibc's way to start over */
		optind = 1;
		optpos = 1;
	}
	if (optind >= argc || !argv[optind] || argv[optind][0] != '-' || argv[optind][1] == '\0')
		return -1;
	arg = argv[optind];
	if (strcmp(arg, "--") == 0) {
		optind++;
		return -1;
	}
	c = (unsigned char)arg[optpos++];
	spec = c == ':' ? NULL : strchr(optstring, c);
	if (arg[optpos] == '\0') { /* the last letter of this word */
		optind++;
		optpos = 1;
	}
	if (!spec) {
		optopt = c;
		getopt_error(argv, optstring, "invalid option", c);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (optpos > 1) { /* "-ofile": the rest of this word */
		optarg = arg + optpos;
		optind++;
		optpos = 1;
	} else if (optind < argc) { /* "-o file": the next word */
		optarg = argv[optind++];
	} else {
		optopt = c;
		getopt_error(argv, optstring, "option requires an argument", c);
		return optstring[0] == ':' ? ':' : '?';
	}
	return c;
}
