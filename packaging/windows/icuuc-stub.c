/* A stand-in for Windows' icuuc.dll, for the Wine build prefix only (never shipped in the bundle).
 *
 * Qt6Core.dll imports a score of ucnv_* functions from icuuc.dll, which Windows 10 1903+ has and Wine 8 lacks, so
 * QtCore does not load at all under Wine. Qt only uses them for legacy code pages (QStringConverter beyond UTF-8/16,
 * Latin-1 and the system code page); the app never asks for one. build.sh exports every name Qt6Core imports: the
 * converter "opens" nothing and the rest return 0, so Qt falls back to its own codecs.
 */
#include <stddef.h>

typedef int UErrorCode;
enum { U_UNSUPPORTED_ERROR = 16 };

void *icu_stub_open(const char *name, UErrorCode *error)
{
    (void)name;
    if (error != NULL)
        *error = U_UNSUPPORTED_ERROR;
    return NULL;
}

/* Every other import: on x64 the caller cleans the stack, so one zero-returning body serves any signature. */
long long icu_stub_zero(void)
{
    return 0;
}
