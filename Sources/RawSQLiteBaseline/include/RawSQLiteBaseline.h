/*
 * RawSQLiteBaseline: the sale completion and the barcode lookup of Tora Sera written
 * straight against <sqlite3.h>, with prepared statements kept for the connection's
 * life. tora-bench runs it on the same database file, in the same run, as the real
 * store, so the ratio of the two shows what the store's layers cost.
 */
#ifndef RAW_SQLITE_BASELINE_H
#define RAW_SQLITE_BASELINE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One open connection with its prepared statements. */
typedef struct rsb_connection rsb_connection;

/** One line of a sale, as the store writes it to `sale_lines`. Quantities in thousandths. */
typedef struct rsb_line {
    int64_t product_id;
    const char *sku;
    const char *name;
    const char *category;
    const char *unit;
    const char *tax;
    int64_t quantity;
    int64_t unit_price;
    int64_t amount;
    int64_t discount;
    int64_t net;
    int64_t cost;
    int local;
} rsb_line;

/** A settled sale with one payment. The time, business day, hour and receipt number are
 *  worked out inside the transaction, as the store does. */
typedef struct rsb_sale {
    const char *register_code;
    const char *cashier;
    int64_t shift_id;
    /** The shop's offset from UTC in seconds (Asia/Jakarta: 25200). */
    int32_t utc_offset_seconds;
    int64_t gross;
    int64_t discounts;
    int64_t total;
    const rsb_line *lines;
    int32_t line_count;
    const char *payment_method;
    int64_t payment_amount;
    int64_t payment_tendered;
    /** Stored as is in `sales.receipt_json` (the store encodes its Receipt value). */
    const char *receipt_json;
    /** The audit entry's canonical JSON payload; the entry's SHA-256 is computed here. */
    const char *audit_payload;
} rsb_sale;

/** A product as `product(code:)` reads it. Texts are cut to the buffer sizes. */
typedef struct rsb_product {
    int64_t id;
    int64_t price;
    int64_t member_price; /* -1 when NULL */
    int64_t cost;
    int64_t on_hand;
    int64_t reorder_point;
    int32_t local;
    int32_t discountable;
    int32_t active;
    char sku[40];
    char name[128];
    char category[64];
    char unit[8];
    char tax[8];
    char origin[128];
    char plu[8];
    char barcodes[256];
} rsb_product;

/** Opens `path` with the store's PRAGMAs (WAL, synchronous=FULL, foreign_keys=ON, busy
 *  timeout 10 s) and prepares every statement. Returns 0 or an SQLite result code; on a
 *  failure `*out` may still be set so `rsb_last_error` can say why (close it after). */
int rsb_open(const char *path, rsb_connection **out);

/** Completes `sale` in one IMMEDIATE transaction: receipt number (max(seq) + 1), audit row
 *  (previous hash, SHA-256 over the entry), the sale row, its lines, one stock movement per
 *  line (the schema's trigger moves `products.on_hand`), the payment. Writes the receipt
 *  number into `receipt_no` (at least 32 bytes). Returns 0 or an SQLite result code. */
int rsb_complete_sale(rsb_connection *connection, const rsb_sale *sale, char *receipt_no);

/** Looks a barcode up with one prepared join. Returns 1 when found, 0 when not, or a
 *  negative SQLite result code. */
int rsb_lookup(rsb_connection *connection, const char *code, rsb_product *out);

/** Stores an open sale's JSON in row `open_sale_id` of `open_sales`, in its own durable
 *  transaction (autocommit), as the till does after every scan. Returns 0 or an SQLite
 *  result code. */
int rsb_save_open_sale(rsb_connection *connection, int64_t open_sale_id, const char *sale_json);

/** The last error of the connection, with the C function that failed. */
const char *rsb_last_error(const rsb_connection *connection);

/** Finalizes the statements and closes the connection. */
void rsb_close(rsb_connection *connection);

/** Times `commits` single-row transactions in a scratch file at `path` (same PRAGMAs):
 *  the floor a durable commit costs on this file system. Returns seconds per commit, or a
 *  negative value on failure. The file and its WAL are removed afterwards. */
double rsb_commit_floor(const char *path, int commits);

/** The version of the SQLite library linked (`sqlite3_libversion`). */
const char *rsb_sqlite_version(void);

/** SHA-256 of `length` bytes as 64 lowercase hex characters and a NUL into `hex`. */
void rsb_sha256_hex(const void *data, uint64_t length, char *hex);

#ifdef __cplusplus
}
#endif

#endif
