/* mloop: a C program calling malloc 30 times over 1.5 s, for naming
 * addresses in shared libraries after the program has exited. */
#include <stdlib.h>
#include <unistd.h>
int main(void){ for (int i = 0; i < 30; i++) { free(malloc(100 + i)); usleep(50000); } return 0; }
