// The receipt printing module (ESC/POS, CUPS) is being written; see issue 4.
import CCups
