//! `easel migrate-store`: copies an SQLite database into an empty Postgres one, table by table and row
//! by row (the two schemas keep the same tables and columns), in one Postgres transaction: either all
//! of it arrives or none.

use std::path::Path;

use rusqlite::types::ValueRef;
use tokio_postgres::types::{ToSql, Type};

use super::postgres::PostgresStore;
use super::sql::fail;
use super::StoreError;

/// One value read from SQLite, typed for its Postgres column.
/// (A NULL is typed too: Postgres checks a parameter's Rust type against its column's, NULL or not.)
#[derive(Debug)]
enum Cell {
    Int(Option<i64>),
    Int32(Option<i32>),
    Float(Option<f64>),
    Text(Option<String>),
    Bool(Option<bool>),
}

impl Cell {
    fn param(&self) -> &(dyn ToSql + Sync) {
        match self {
            Self::Int(v) => v,
            Self::Int32(v) => v,
            Self::Float(v) => v,
            Self::Text(v) => v,
            Self::Bool(v) => v,
        }
    }
}

/// Reads an SQLite value as the Postgres column's type wants it.
fn cell(value: ValueRef<'_>, column: &Type) -> Result<Cell, StoreError> {
    let mismatch = || fail(format!("a value does not fit a {column} column"));
    let text = |t: &Type| *t == Type::TEXT || *t == Type::VARCHAR;
    let int32 = |t: &Type| *t == Type::INT4 || *t == Type::INT2;
    Ok(match (value, column) {
        (ValueRef::Null, t) if *t == Type::INT8 => Cell::Int(None),
        (ValueRef::Null, t) if int32(t) => Cell::Int32(None),
        (ValueRef::Null, t) if *t == Type::FLOAT8 => Cell::Float(None),
        (ValueRef::Null, t) if *t == Type::BOOL => Cell::Bool(None),
        (ValueRef::Null, t) if text(t) => Cell::Text(None),
        (ValueRef::Integer(v), t) if *t == Type::INT8 => Cell::Int(Some(v)),
        (ValueRef::Integer(v), t) if int32(t) => Cell::Int32(Some(i32::try_from(v).map_err(|_| mismatch())?)),
        (ValueRef::Integer(v), t) if *t == Type::FLOAT8 => Cell::Float(Some(v as f64)),
        (ValueRef::Integer(v), t) if *t == Type::BOOL => Cell::Bool(Some(v != 0)),
        (ValueRef::Real(v), t) if *t == Type::FLOAT8 => Cell::Float(Some(v)),
        (ValueRef::Text(v), t) if text(t) => {
            // Postgres text cannot hold NUL; the Postgres store writes U+FFFD for it, as here.
            Cell::Text(Some(String::from_utf8_lossy(v).replace('\0', "\u{fffd}")))
        }
        (ValueRef::Integer(v), t) if text(t) => Cell::Text(Some(v.to_string())),
        _ => return Err(mismatch()),
    })
}

/// Copies every table of the SQLite database at `sqlite` into the Postgres database at `postgres_url`
/// (migrated first, and required to hold no Easel data yet). Returns the rows copied per table.
/// `ca` is `EASEL_DATABASE_CA`, for a TLS connection (`sslmode` in the URL).
pub async fn sqlite_to_postgres(
    sqlite: &Path,
    postgres_url: &str,
    ca: Option<&Path>,
) -> Result<Vec<(String, usize)>, StoreError> {
    // Opening each store migrates it, so both have every table.
    drop(super::sqlite::SqliteStore::open(sqlite)?);
    let postgres = PostgresStore::connect_with(postgres_url, ca).await?;
    let source =
        rusqlite::Connection::open_with_flags(sqlite, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(fail)?;
    let tables: Vec<String> = {
        let mut statement = source
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .map_err(fail)?;
        let rows = statement.query_map([], |r| r.get(0)).map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)?
    };
    let mut target = postgres.client().await?;
    let tx = target.transaction().await.map_err(fail)?;
    for busy in ["ledger", "jobs", "audit"] {
        let row = tx.query_one(&format!("SELECT EXISTS (SELECT 1 FROM {busy})"), &[]).await.map_err(fail)?;
        if row.get::<_, bool>(0) {
            return Err(fail(format!(
                "the Postgres database already holds Easel data (table {busy}); migrate into an empty one"
            )));
        }
    }
    let mut copied = Vec::new();
    for table in tables {
        let types = column_types(&tx, &table).await?;
        if types.is_empty() {
            continue; // a table Postgres does not have (none today)
        }
        let mut statement = source.prepare(&format!("SELECT * FROM {table}")).map_err(fail)?;
        let names: Vec<String> = statement.column_names().into_iter().map(str::to_owned).collect();
        let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let insert = format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), placeholders.join(", "));
        let insert = tx.prepare(&insert).await.map_err(fail)?;
        let mut rows = statement.query([]).map_err(fail)?;
        let mut count = 0;
        while let Some(row) = rows.next().map_err(fail)? {
            let mut cells = Vec::with_capacity(names.len());
            for (i, name) in names.iter().enumerate() {
                let column = types
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, t)| t)
                    .ok_or_else(|| fail(format!("{table}.{name} is not in Postgres")))?;
                cells.push(
                    cell(row.get_ref(i).map_err(fail)?, column).map_err(|e| fail(format!("{table}.{name}: {e}")))?,
                );
            }
            let params: Vec<&(dyn ToSql + Sync)> = cells.iter().map(Cell::param).collect();
            tx.execute(&insert, &params).await.map_err(|e| fail(format!("{table}: {e}")))?;
            count += 1;
        }
        copied.push((table, count));
    }
    tx.commit().await.map_err(fail)?;
    Ok(copied)
}

/// The columns of a Postgres table in the connection's schema, with their types.
async fn column_types(tx: &tokio_postgres::Transaction<'_>, table: &str) -> Result<Vec<(String, Type)>, StoreError> {
    // A statement selecting every column describes their types without reading a row.
    let exists = tx.query_one("SELECT to_regclass($1) IS NOT NULL", &[&table]).await.map_err(fail)?.get::<_, bool>(0);
    if !exists {
        return Ok(Vec::new());
    }
    let statement = tx.prepare(&format!("SELECT * FROM {table} LIMIT 0")).await.map_err(fail)?;
    Ok(statement.columns().iter().map(|c| (c.name().to_owned(), c.type_().clone())).collect())
}
