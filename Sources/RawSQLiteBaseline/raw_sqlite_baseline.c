/*
 * The raw-SQLite baseline of tora-bench: what a durable sale completion and a barcode
 * lookup cost with nothing between the program and SQLite but prepared statements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "connection.h"

static const char *const statement_sql[STMT_COUNT] = {
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    "SELECT max(seq) FROM sales WHERE register = ? AND business_day = ?",
    "SELECT seq, hash FROM audit_journal ORDER BY seq DESC LIMIT 1",
    "INSERT INTO audit_journal(seq, at, actor, register, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, 'sale.completed', ?, ?, ?)",
    "INSERT INTO sales(receipt_no, kind, refund_of, register, business_day, seq, shift_id, cashier, supervisor, member_number, "
    "completed_at, hour, gross, discounts, total, rounding, tax, dpp, change_given, audit_seq, audit_hash, receipt_json) "
    "VALUES (?, 'sale', NULL, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)",
    "INSERT INTO sale_lines(sale_id, line_no, product_id, sku, name, category, unit, quantity, unit_price, amount, discount, net, "
    "tax, local, consignor, consignor_price, cost, voided, refund_of_line) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, 0, NULL)",
    "INSERT INTO stock_movements(product_id, at, business_day, kind, quantity, unit_cost, reason, party, reference, actor) "
    "VALUES (?, ?, ?, 'sale', ?, ?, NULL, NULL, ?, ?)",
    "INSERT INTO payments(sale_id, method, amount, tendered) VALUES (?, ?, ?, ?)",
    "SELECT p.id, p.sku, p.name, c.name, p.unit, p.price, p.member_price, p.cost, p.tax, p.local, p.origin, p.plu, "
    "p.reorder_point, p.discountable, p.active, p.on_hand, "
    "(SELECT group_concat(code, '|') FROM (SELECT code FROM barcodes WHERE product_id = p.id ORDER BY position, code)) "
    "FROM barcodes b JOIN products p ON p.id = b.product_id JOIN categories c ON c.id = p.category_id WHERE b.code = ?",
    "UPDATE open_sales SET sale_json = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
};

int rsb_fail(rsb_connection *connection, const char *function, int code) {
    snprintf(connection->error, sizeof connection->error, "%s: %s (%d)", function,
             connection->db ? sqlite3_errmsg(connection->db) : "no connection", code);
    return code;
}

int rsb_open(const char *path, rsb_connection **out) {
    rsb_connection *connection = calloc(1, sizeof *connection);
    *out = connection;
    if (!connection) return SQLITE_NOMEM;
    int code = sqlite3_open_v2(path, &connection->db, SQLITE_OPEN_READWRITE, NULL);
    if (code != SQLITE_OK) return rsb_fail(connection, "sqlite3_open_v2", code);
    sqlite3_busy_timeout(connection->db, 10000);
    const char *pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
    code = sqlite3_exec(connection->db, pragmas, NULL, NULL, NULL);
    if (code != SQLITE_OK) return rsb_fail(connection, "sqlite3_exec(PRAGMA)", code);
    for (int i = 0; i < STMT_COUNT; i++) {
        code = sqlite3_prepare_v3(connection->db, statement_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &connection->statements[i], NULL);
        if (code != SQLITE_OK) return rsb_fail(connection, "sqlite3_prepare_v3", code);
    }
    return SQLITE_OK;
}

const char *rsb_sqlite_version(void) { return sqlite3_libversion(); }

const char *rsb_last_error(const rsb_connection *connection) { return connection ? connection->error : "out of memory"; }

void rsb_close(rsb_connection *connection) {
    if (!connection) return;
    for (int i = 0; i < STMT_COUNT; i++) sqlite3_finalize(connection->statements[i]);
    sqlite3_close_v2(connection->db);
    free(connection);
}

/* Runs a statement that returns no row, then resets it for the next use. */
static int run(rsb_connection *connection, sqlite3_stmt *statement, const char *what) {
    int code = sqlite3_step(statement);
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    return code == SQLITE_DONE ? SQLITE_OK : rsb_fail(connection, what, code);
}

static void json_string(char **cursor, const char *end, const char *text) {
    char *out = *cursor;
    if (out < end) *out++ = '"';
    for (const char *c = text; *c && out + 2 < end; c++) {
        if (*c == '"' || *c == '\\') *out++ = '\\';
        *out++ = *c;
    }
    if (out < end) *out++ = '"';
    *cursor = out;
}

static void append(char **cursor, const char *end, const char *text) {
    size_t length = strlen(text);
    if (*cursor + length > end) length = (size_t)(end - *cursor);
    memcpy(*cursor, text, length);
    *cursor += length;
}

static int complete_in_transaction(rsb_connection *connection, const rsb_sale *sale, char *receipt_no) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    time_t seconds = now.tv_sec;
    struct tm utc;
    gmtime_r(&seconds, &utc);
    char at[32];
    snprintf(at, sizeof at, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
             utc.tm_min, utc.tm_sec, now.tv_nsec / 1000000);
    time_t local_seconds = seconds + sale->utc_offset_seconds;
    struct tm local;
    gmtime_r(&local_seconds, &local);
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);

    sqlite3_stmt *max_seq = connection->statements[STMT_MAX_SEQ];
    sqlite3_bind_text(max_seq, 1, sale->register_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(max_seq, 2, day, -1, SQLITE_STATIC);
    int code = sqlite3_step(max_seq);
    int64_t seq = (code == SQLITE_ROW ? sqlite3_column_int64(max_seq, 0) : 0) + 1;
    sqlite3_reset(max_seq);
    if (code != SQLITE_ROW) return rsb_fail(connection, "sqlite3_step(max seq)", code);
    snprintf(receipt_no, 32, "%s-%04d%02d%02d-%04lld", sale->register_code, local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
             (long long)seq);

    sqlite3_stmt *last = connection->statements[STMT_LAST_AUDIT];
    code = sqlite3_step(last);
    int64_t audit_seq = 1;
    char prev_hash[65];
    memset(prev_hash, '0', 64);
    prev_hash[64] = '\0';
    if (code == SQLITE_ROW) {
        audit_seq = sqlite3_column_int64(last, 0) + 1;
        const unsigned char *hash = sqlite3_column_text(last, 1);
        if (hash) snprintf(prev_hash, sizeof prev_hash, "%s", (const char *)hash);
    }
    sqlite3_reset(last);
    if (code != SQLITE_ROW && code != SQLITE_DONE) return rsb_fail(connection, "sqlite3_step(last audit)", code);

    /* The entry's hash covers its fields and the previous hash, like the store's journal. */
    size_t capacity = strlen(sale->audit_payload) + 512;
    char *text = malloc(capacity);
    if (!text) return rsb_fail(connection, "malloc", SQLITE_NOMEM);
    char *cursor = text;
    const char *end = text + capacity - 1;
    append(&cursor, end, "{\"actor\":");
    json_string(&cursor, end, sale->cashier);
    append(&cursor, end, ",\"at\":");
    json_string(&cursor, end, at);
    append(&cursor, end, ",\"kind\":\"sale.completed\",\"payload\":");
    append(&cursor, end, sale->audit_payload);
    append(&cursor, end, ",\"prev\":");
    json_string(&cursor, end, prev_hash);
    append(&cursor, end, ",\"register\":");
    json_string(&cursor, end, sale->register_code);
    char tail[40];
    snprintf(tail, sizeof tail, ",\"seq\":%lld}", (long long)audit_seq);
    append(&cursor, end, tail);
    char hash[65];
    rsb_sha256_hex(text, (uint64_t)(cursor - text), hash);
    free(text);

    sqlite3_stmt *audit = connection->statements[STMT_INSERT_AUDIT];
    sqlite3_bind_int64(audit, 1, audit_seq);
    sqlite3_bind_text(audit, 2, at, -1, SQLITE_STATIC);
    sqlite3_bind_text(audit, 3, sale->cashier, -1, SQLITE_STATIC);
    sqlite3_bind_text(audit, 4, sale->register_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(audit, 5, sale->audit_payload, -1, SQLITE_STATIC);
    sqlite3_bind_text(audit, 6, prev_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(audit, 7, hash, -1, SQLITE_STATIC);
    if ((code = run(connection, audit, "sqlite3_step(insert audit)")) != SQLITE_OK) return code;

    int64_t change = sale->payment_tendered - sale->payment_amount;
    sqlite3_stmt *insert_sale = connection->statements[STMT_INSERT_SALE];
    sqlite3_bind_text(insert_sale, 1, receipt_no, -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_sale, 2, sale->register_code, -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_sale, 3, day, -1, SQLITE_STATIC);
    sqlite3_bind_int64(insert_sale, 4, seq);
    sqlite3_bind_int64(insert_sale, 5, sale->shift_id);
    sqlite3_bind_text(insert_sale, 6, sale->cashier, -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_sale, 7, at, -1, SQLITE_STATIC);
    sqlite3_bind_int(insert_sale, 8, local.tm_hour);
    sqlite3_bind_int64(insert_sale, 9, sale->gross);
    sqlite3_bind_int64(insert_sale, 10, sale->discounts);
    sqlite3_bind_int64(insert_sale, 11, sale->total);
    sqlite3_bind_int64(insert_sale, 12, change);
    sqlite3_bind_int64(insert_sale, 13, audit_seq);
    sqlite3_bind_text(insert_sale, 14, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(insert_sale, 15, sale->receipt_json, -1, SQLITE_STATIC);
    if ((code = run(connection, insert_sale, "sqlite3_step(insert sale)")) != SQLITE_OK) return code;
    int64_t sale_id = sqlite3_last_insert_rowid(connection->db);

    for (int i = 0; i < sale->line_count; i++) {
        const rsb_line *line = &sale->lines[i];
        sqlite3_stmt *insert_line = connection->statements[STMT_INSERT_LINE];
        sqlite3_bind_int64(insert_line, 1, sale_id);
        sqlite3_bind_int(insert_line, 2, i + 1);
        sqlite3_bind_int64(insert_line, 3, line->product_id);
        sqlite3_bind_text(insert_line, 4, line->sku, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert_line, 5, line->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert_line, 6, line->category, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert_line, 7, line->unit, -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert_line, 8, line->quantity);
        sqlite3_bind_int64(insert_line, 9, line->unit_price);
        sqlite3_bind_int64(insert_line, 10, line->amount);
        sqlite3_bind_int64(insert_line, 11, line->discount);
        sqlite3_bind_int64(insert_line, 12, line->net);
        sqlite3_bind_text(insert_line, 13, line->tax, -1, SQLITE_STATIC);
        sqlite3_bind_int(insert_line, 14, line->local);
        sqlite3_bind_int64(insert_line, 15, line->cost);
        if ((code = run(connection, insert_line, "sqlite3_step(insert line)")) != SQLITE_OK) return code;

        sqlite3_stmt *movement = connection->statements[STMT_INSERT_MOVEMENT];
        sqlite3_bind_int64(movement, 1, line->product_id);
        sqlite3_bind_text(movement, 2, at, -1, SQLITE_STATIC);
        sqlite3_bind_text(movement, 3, day, -1, SQLITE_STATIC);
        sqlite3_bind_int64(movement, 4, -line->quantity);
        sqlite3_bind_int64(movement, 5, line->cost);
        sqlite3_bind_text(movement, 6, receipt_no, -1, SQLITE_STATIC);
        sqlite3_bind_text(movement, 7, sale->cashier, -1, SQLITE_STATIC);
        if ((code = run(connection, movement, "sqlite3_step(insert movement)")) != SQLITE_OK) return code;
    }

    sqlite3_stmt *payment = connection->statements[STMT_INSERT_PAYMENT];
    sqlite3_bind_int64(payment, 1, sale_id);
    sqlite3_bind_text(payment, 2, sale->payment_method, -1, SQLITE_STATIC);
    sqlite3_bind_int64(payment, 3, sale->payment_amount);
    sqlite3_bind_int64(payment, 4, sale->payment_tendered);
    return run(connection, payment, "sqlite3_step(insert payment)");
}

int rsb_complete_sale(rsb_connection *connection, const rsb_sale *sale, char *receipt_no) {
    int code = run(connection, connection->statements[STMT_BEGIN], "sqlite3_step(BEGIN IMMEDIATE)");
    if (code != SQLITE_OK) return code;
    code = complete_in_transaction(connection, sale, receipt_no);
    if (code != SQLITE_OK) {
        sqlite3_step(connection->statements[STMT_ROLLBACK]);
        sqlite3_reset(connection->statements[STMT_ROLLBACK]);
        return code;
    }
    return run(connection, connection->statements[STMT_COMMIT], "sqlite3_step(COMMIT)");
}

