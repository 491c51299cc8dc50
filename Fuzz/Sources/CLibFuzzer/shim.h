#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (LLVM 11+): parses libFuzzer's flags from argv and fuzzes `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
