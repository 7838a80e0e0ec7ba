/*
 * The baseline's barcode lookup, and the floor a durable commit costs on this disk.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "connection.h"

static void copy_text(char *buffer, size_t size, sqlite3_stmt *statement, int column) {
    const unsigned char *text = sqlite3_column_text(statement, column);
    snprintf(buffer, size, "%s", text ? (const char *)text : "");
}

int rsb_lookup(rsb_connection *connection, const char *code, rsb_product *out) {
    sqlite3_stmt *lookup = connection->statements[STMT_LOOKUP];
    sqlite3_bind_text(lookup, 1, code, -1, SQLITE_STATIC);
    int result = sqlite3_step(lookup);
    if (result == SQLITE_ROW) {
        out->id = sqlite3_column_int64(lookup, 0);
        copy_text(out->sku, sizeof out->sku, lookup, 1);
        copy_text(out->name, sizeof out->name, lookup, 2);
        copy_text(out->category, sizeof out->category, lookup, 3);
        copy_text(out->unit, sizeof out->unit, lookup, 4);
        out->price = sqlite3_column_int64(lookup, 5);
        out->member_price = sqlite3_column_type(lookup, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(lookup, 6);
        out->cost = sqlite3_column_int64(lookup, 7);
        copy_text(out->tax, sizeof out->tax, lookup, 8);
        out->local = sqlite3_column_int(lookup, 9);
        copy_text(out->origin, sizeof out->origin, lookup, 10);
        copy_text(out->plu, sizeof out->plu, lookup, 11);
        out->reorder_point = sqlite3_column_int64(lookup, 12);
        out->discountable = sqlite3_column_int(lookup, 13);
        out->active = sqlite3_column_int(lookup, 14);
        out->on_hand = sqlite3_column_int64(lookup, 15);
        copy_text(out->barcodes, sizeof out->barcodes, lookup, 16);
    }
    sqlite3_reset(lookup);
    if (result == SQLITE_ROW) return 1;
    if (result == SQLITE_DONE) return 0;
    rsb_fail(connection, "sqlite3_step(lookup)", result);
    return -result;
}

double rsb_commit_floor(const char *path, int commits) {
    sqlite3 *db = NULL;
    double result = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) goto done;
    if (sqlite3_exec(db,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                     "CREATE TABLE IF NOT EXISTS probe(id INTEGER PRIMARY KEY, value TEXT NOT NULL);",
                     NULL, NULL, NULL) != SQLITE_OK)
        goto done;
    sqlite3_stmt *insert = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO probe(value) VALUES ('one durable row')", -1, &insert, NULL) != SQLITE_OK) goto done;
    struct timespec start, stop;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int ok = 1;
    for (int i = 0; i < commits && ok; i++) {
        ok = sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
    }
    clock_gettime(CLOCK_MONOTONIC, &stop);
    sqlite3_finalize(insert);
    if (ok && commits > 0) {
        result = ((double)(stop.tv_sec - start.tv_sec) + (double)(stop.tv_nsec - start.tv_nsec) / 1e9) / commits;
    }
done:
    sqlite3_close_v2(db);
    char companion[4096];
    unlink(path);
    snprintf(companion, sizeof companion, "%s-wal", path);
    unlink(companion);
    snprintf(companion, sizeof companion, "%s-shm", path);
    unlink(companion);
    return result;
}

int rsb_save_open_sale(rsb_connection *connection, int64_t open_sale_id, const char *sale_json) {
    sqlite3_stmt *statement = connection->statements[STMT_SAVE_OPEN_SALE];
    sqlite3_bind_text(statement, 1, sale_json, -1, SQLITE_STATIC);
    sqlite3_bind_int64(statement, 2, open_sale_id);
    int code = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (code != SQLITE_DONE) return rsb_fail(connection, "rsb_save_open_sale", code);
    return sqlite3_changes(connection->db) == 1 ? SQLITE_OK : rsb_fail(connection, "rsb_save_open_sale (no such open sale)", SQLITE_NOTFOUND);
}
