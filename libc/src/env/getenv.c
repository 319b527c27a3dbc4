/*
 * libc/src/env/getenv.c - the environment: getenv(), setenv(),
 * unsetenv().
 *
 * environ is the NULL-terminated array of "NAME=value" strings that
 * execve() passed (set by __libc_start_main()). setenv() builds a new
 * array with malloc() the first time it adds a name; the strings it adds
 * are never freed (POSIX allows the leak; glibc keeps them too).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

/* the index in environ of @name (its first @len bytes), or -1 */
static long
env_find(const char *name, size_t len)
{
	long i;

	for (i = 0; environ && environ[i]; i++) {
		if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
			return i;
	}
	return -1;
}

/*
 * getenv - the value of environment variable @name, or NULL if it is not
 * set. The string belongs to the environment; do not change it.
 */
char *
getenv(const char *name)
{
	size_t len = strlen(name);
	long i;

	if (len == 0 || strchr(name, '='))
		return NULL;
	i = env_find(name, len);
	return i < 0 ? NULL : environ[i] + len + 1;
}

/* is @name usable as a variable name (non-empty, no '=')? */
static int
env_name_ok(const char *name)
{
	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return 0;
	}
	return 1;
}

/*
 * setenv - set @name to @value; an existing value is kept unless
 * @overwrite. Returns 0, or -1 with errno EINVAL (bad name) or ENOMEM.
 */
int
setenv(const char *name, const char *value, int overwrite)
{
	static char **owned; /* the array we allocated, if any */
	size_t nlen, vlen;
	long i, n;
	char *s, **grown;

	if (!env_name_ok(name))
		return -1;
	nlen = strlen(name);
	vlen = strlen(value);
	i = env_find(name, nlen);
	if (i >= 0 && !overwrite)
		return 0;
	s = malloc(nlen + vlen + 2);
	if (!s)
		goto out_nomem;
	memcpy(s, name, nlen);
	s[nlen] = '=';
	memcpy(s + nlen + 1, value, vlen + 1);
	if (i >= 0) {
		environ[i] = s;
		return 0;
	}
	for (n = 0; environ && environ[n]; n++)
		;
	grown = malloc((n + 2) * sizeof(char *));
	if (!grown)
		goto out_nomem;
	if (n)
		memcpy(grown, environ, n * sizeof(char *));
	grown[n] = s;
	grown[n + 1] = NULL;
	free(owned);
	environ = owned = grown;
	return 0;
out_nomem:
	free(s);
	errno = ENOMEM;
	return -1;
}

/*
 * unsetenv - remove every definition of @name. Returns 0, or -1 with
 * errno EINVAL for a bad name.
 */
int
unsetenv(const char *name)
{
	size_t len;
	long i, j;

	if (!env_name_ok(name))
		return -1;
	len = strlen(name);
	while ((i = env_find(name, len)) >= 0) {
		for (j = i; environ[j]; j++)
			environ[j] = environ[j + 1];
	}
	return 0;
}
