#ifndef TORA_CCUPS_SHIM_H
#define TORA_CCUPS_SHIM_H

// Keep the code on the current CUPS API: deprecated functions are hidden.
#define _CUPS_NO_DEPRECATED 1
#include <cups/cups.h>

#endif
