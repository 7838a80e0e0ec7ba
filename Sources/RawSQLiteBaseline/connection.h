/*
 * What the baseline's files share: the connection with its prepared statements.
 */
#ifndef RAW_SQLITE_BASELINE_CONNECTION_H
#define RAW_SQLITE_BASELINE_CONNECTION_H

#include <sqlite3.h>

#include "RawSQLiteBaseline.h"

enum statement_index {
    STMT_BEGIN,
    STMT_COMMIT,
    STMT_ROLLBACK,
    STMT_MAX_SEQ,
    STMT_LAST_AUDIT,
    STMT_INSERT_AUDIT,
    STMT_INSERT_SALE,
    STMT_INSERT_LINE,
    STMT_INSERT_MOVEMENT,
    STMT_INSERT_PAYMENT,
    STMT_LOOKUP,
    STMT_SAVE_OPEN_SALE,
    STMT_COUNT
};

struct rsb_connection {
    sqlite3 *db;
    sqlite3_stmt *statements[STMT_COUNT];
    char error[512];
};

/* Records why `function` failed on the connection and returns `code`. */
int rsb_fail(rsb_connection *connection, const char *function, int code);

#endif
