//! Database migrations (sea-orm-migration), the same for SQLite and PostgreSQL.
//!
//! Migrations are written against table and column names, not against the entities, so that
//! an old migration keeps meaning what it meant when the entities move on.

use sea_orm_migration::async_trait::async_trait;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Every migration, in order. `gateway migrate` applies the pending ones.
pub struct Migrator;

#[async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(InitialModel),
            Box::new(ProgramStatusIndex),
            Box::new(SearchOutbox),
            Box::new(Accounts),
            Box::new(ProgramTransitions),
            Box::new(ProgramText),
            Box::new(Provenance),
            Box::new(SourceText),
            Box::new(DataVersion),
        ]
    }
}

/// The first version of the data model: every entity of the network and their link tables.
struct InitialModel;

impl MigrationName for InitialModel {
    fn name(&self) -> &str {
        "m20261122_000001_initial_model"
    }
}

fn n(name: &str) -> Alias {
    Alias::new(name)
}

/// A foreign key `table.column → target.target_column`. Deleting a parent that is still
/// referenced fails (the default RESTRICT semantics): nothing disappears silently.
fn fk(table: &str, column: &str, target: &str, target_column: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(n(table), n(column))
        .to(n(target), n(target_column))
        .to_owned()
}

/// Index on a foreign key column: every relation loader filters on one.
fn index(table: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut statement = Index::create()
        .name(format!("ix_{table}_{}", columns.join("_")))
        .table(n(table))
        .to_owned();
    for column in columns {
        statement.col(n(column));
    }
    statement
}

/// A many-to-many link table with a composite primary key; the reverse direction gets an index.
fn link_table(
    table: &str,
    (left, left_target): (&str, &str),
    (right, right_target, right_is_code): (&str, &str, bool),
) -> (TableCreateStatement, IndexCreateStatement) {
    let right_column = if right_is_code {
        string_len(n(right), 2)
    } else {
        integer(n(right))
    };
    let right_target_column = if right_is_code { "code" } else { "id" };
    let create = Table::create()
        .table(n(table))
        .col(integer(n(left)))
        .col(right_column)
        .primary_key(Index::create().col(n(left)).col(n(right)))
        .foreign_key(&mut fk(table, left, left_target, "id"))
        .foreign_key(&mut fk(table, right, right_target, right_target_column))
        .to_owned();
    (create, index(table, &[right, left]))
}

#[async_trait]
impl MigrationTrait for InitialModel {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let tables = [
            Table::create()
                .table(n("country"))
                .col(string_len(n("code"), 2).primary_key())
                .col(string(n("name")))
                .col(string(n("oas_status")))
                .col(string(n("subregion")))
                .to_owned(),
            Table::create()
                .table(n("theme"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(string(n("name")))
                .col(text(n("description")))
                .col(integer(n("position")))
                .to_owned(),
            Table::create()
                .table(n("institution"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(string(n("name")))
                .col(string_null(n("acronym")))
                .col(string(n("kind")))
                .col(string_len_null(n("country_code"), 2))
                .foreign_key(&mut fk("institution", "country_code", "country", "code"))
                .to_owned(),
            Table::create()
                .table(n("member"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(string(n("full_name")))
                .col(string_null(n("title")))
                .col(integer(n("institution_id")))
                .col(string_len_null(n("country_code"), 2))
                .col(string_null(n("email")))
                .col(string_null(n("phone")))
                .col(string(n("role")))
                .col(boolean(n("active")))
                .foreign_key(&mut fk("member", "institution_id", "institution", "id"))
                .foreign_key(&mut fk("member", "country_code", "country", "code"))
                .to_owned(),
            Table::create()
                .table(n("program"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(string(n("title")))
                .col(text(n("summary")))
                .col(text_null(n("objectives")))
                .col(text_null(n("results")))
                .col(text_null(n("lessons_learned")))
                .col(boolean(n("evaluated")))
                .col(text_null(n("evaluation_note")))
                .col(integer_null(n("start_year")))
                .col(integer_null(n("end_year")))
                .col(string(n("status")))
                .col(string_len(n("source_language"), 2))
                .col(string_len(n("country_code"), 2))
                .col(integer(n("institution_id")))
                .col(integer_null(n("submitted_by_member_id")))
                .col(timestamp_with_time_zone(n("created_at")))
                .col(timestamp_with_time_zone(n("updated_at")))
                .foreign_key(&mut fk("program", "country_code", "country", "code"))
                .foreign_key(&mut fk("program", "institution_id", "institution", "id"))
                .foreign_key(&mut fk("program", "submitted_by_member_id", "member", "id"))
                .to_owned(),
            Table::create()
                .table(n("dialogue"))
                .col(pk_auto(n("id")))
                .col(integer_uniq(n("number")))
                .col(string(n("title")))
                .col(date(n("held_on")))
                .col(string(n("format")))
                .col(integer_null(n("ministries_count")))
                .col(text(n("summary")))
                .col(text_null(n("conclusions")))
                .col(text_null(n("recommendations")))
                .col(text_null(n("next_steps")))
                .col(string_null(n("event_url")))
                .to_owned(),
            Table::create()
                .table(n("participation"))
                .col(pk_auto(n("id")))
                .col(integer(n("dialogue_id")))
                .col(integer(n("member_id")))
                .col(integer(n("institution_id")))
                .col(string_len_null(n("country_code"), 2))
                .foreign_key(&mut fk("participation", "dialogue_id", "dialogue", "id"))
                .foreign_key(&mut fk("participation", "member_id", "member", "id"))
                .foreign_key(&mut fk(
                    "participation",
                    "institution_id",
                    "institution",
                    "id",
                ))
                .foreign_key(&mut fk("participation", "country_code", "country", "code"))
                .to_owned(),
            Table::create()
                .table(n("cooperation"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(integer(n("call_number")))
                .col(integer(n("year")))
                .col(string_len(n("requesting_country_code"), 2))
                .col(integer(n("requesting_institution_id")))
                .col(string_len(n("providing_country_code"), 2))
                .col(integer(n("providing_institution_id")))
                .col(text(n("topic")))
                .col(string(n("status")))
                .col(text_null(n("outcome")))
                .foreign_key(&mut fk(
                    "cooperation",
                    "requesting_country_code",
                    "country",
                    "code",
                ))
                .foreign_key(&mut fk(
                    "cooperation",
                    "requesting_institution_id",
                    "institution",
                    "id",
                ))
                .foreign_key(&mut fk(
                    "cooperation",
                    "providing_country_code",
                    "country",
                    "code",
                ))
                .foreign_key(&mut fk(
                    "cooperation",
                    "providing_institution_id",
                    "institution",
                    "id",
                ))
                .to_owned(),
            Table::create()
                .table(n("document"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(string(n("kind")))
                .col(string(n("title")))
                .col(text(n("summary")))
                .col(text_null(n("body")))
                .col(date_null(n("published_on")))
                .col(integer_null(n("year")))
                .col(string(n("languages")))
                .col(string_null(n("url")))
                .col(integer_null(n("dialogue_id")))
                .col(integer_null(n("cooperation_id")))
                .foreign_key(&mut fk("document", "dialogue_id", "dialogue", "id"))
                .foreign_key(&mut fk("document", "cooperation_id", "cooperation", "id"))
                .to_owned(),
            Table::create()
                .table(n("committee_seat"))
                .col(pk_auto(n("id")))
                .col(string_len(n("country_code"), 2))
                .col(integer(n("institution_id")))
                .col(string(n("role")))
                .col(integer(n("term_start")))
                .col(integer_null(n("term_end")))
                .foreign_key(&mut fk("committee_seat", "country_code", "country", "code"))
                .foreign_key(&mut fk(
                    "committee_seat",
                    "institution_id",
                    "institution",
                    "id",
                ))
                .to_owned(),
            Table::create()
                .table(n("domestic_work_action"))
                .col(pk_auto(n("id")))
                .col(string_uniq(n("slug")))
                .col(string_len(n("country_code"), 2))
                .col(string(n("area")))
                .col(string(n("title")))
                .col(text(n("description")))
                .col(integer_null(n("year")))
                .foreign_key(&mut fk(
                    "domestic_work_action",
                    "country_code",
                    "country",
                    "code",
                ))
                .to_owned(),
        ];
        for table in tables {
            manager.create_table(table).await?;
        }

        let links = [
            link_table(
                "program_theme",
                ("program_id", "program"),
                ("theme_id", "theme", false),
            ),
            link_table(
                "dialogue_theme",
                ("dialogue_id", "dialogue"),
                ("theme_id", "theme", false),
            ),
            link_table(
                "dialogue_country",
                ("dialogue_id", "dialogue"),
                ("country_code", "country", true),
            ),
            link_table(
                "cooperation_theme",
                ("cooperation_id", "cooperation"),
                ("theme_id", "theme", false),
            ),
            link_table(
                "document_theme",
                ("document_id", "document"),
                ("theme_id", "theme", false),
            ),
            link_table(
                "document_country",
                ("document_id", "document"),
                ("country_code", "country", true),
            ),
        ];
        for (table, reverse_index) in links {
            manager.create_table(table).await?;
            manager.create_index(reverse_index).await?;
        }

        // Indexes for relation loaders (which filter on the foreign key and page by id) and
        // for the orderings the API offers on large tables.
        let indexes = [
            index("institution", &["country_code", "id"]),
            index("member", &["institution_id", "id"]),
            index("member", &["country_code", "id"]),
            index("program", &["country_code", "id"]),
            index("program", &["institution_id", "id"]),
            index("program", &["submitted_by_member_id", "id"]),
            index("program", &["title", "id"]),
            index("program", &["updated_at", "id"]),
            index("program", &["start_year", "id"]),
            index("participation", &["dialogue_id", "id"]),
            index("participation", &["member_id", "id"]),
            index("participation", &["institution_id", "id"]),
            index("participation", &["country_code", "id"]),
            index("cooperation", &["requesting_country_code", "id"]),
            index("cooperation", &["providing_country_code", "id"]),
            index("cooperation", &["requesting_institution_id", "id"]),
            index("cooperation", &["providing_institution_id", "id"]),
            index("document", &["dialogue_id", "id"]),
            index("document", &["cooperation_id", "id"]),
            index("document", &["title", "id"]),
            index("committee_seat", &["country_code", "id"]),
            index("committee_seat", &["institution_id", "id"]),
            index("domestic_work_action", &["country_code", "id"]),
        ];
        for statement in indexes {
            manager.create_index(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Children first, so no foreign key is left dangling mid-way.
        for table in [
            "document_country",
            "document_theme",
            "cooperation_theme",
            "dialogue_country",
            "dialogue_theme",
            "program_theme",
            "domestic_work_action",
            "committee_seat",
            "document",
            "cooperation",
            "participation",
            "dialogue",
            "program",
            "member",
            "institution",
            "theme",
            "country",
        ] {
            manager
                .drop_table(Table::drop().table(n(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Every program list filters on `status = 'published'` and counts the rows (`totalCount`):
/// an index led by the status keeps both off a full scan as the Portfolio grows.
struct ProgramStatusIndex;

impl MigrationName for ProgramStatusIndex {
    fn name(&self) -> &str {
        "m20261122_000002_program_status_index"
    }
}

#[async_trait]
impl MigrationTrait for ProgramStatusIndex {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(index("program", &["status", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_program_status_id")
                    .table(n("program"))
                    .to_owned(),
            )
            .await
    }
}

/// The search outbox: every change that can alter a search document (a program, a document,
/// their theme and country links, an institution's name) leaves a row naming the entity, in
/// the same transaction as the change. The indexer's `sync` worker turns rows into
/// Meilisearch updates and deletes them only once Meilisearch confirms, so no change is lost
/// when the worker or the engine is down.
///
/// The rows are written by triggers rather than by application code, so that no write path
/// (the seeder, the synthetic generator, future mutations, a manual SQL fix) can forget them.
/// Also: the lease that lets one writer at a time touch the indexes (a `sync` worker or a
/// `reindex`), and the translations last indexed, to find what a locale file edit changed.
struct SearchOutbox;

impl MigrationName for SearchOutbox {
    fn name(&self) -> &str {
        "m20261122_000003_search_outbox"
    }
}

/// `(table, id column, entity)`: where a row of `table` sends its outbox row.
const OUTBOX_SOURCES: [(&str, &str, &str); 5] = [
    ("program", "id", "program"),
    ("program_theme", "program_id", "program"),
    ("document", "id", "document"),
    ("document_theme", "document_id", "document"),
    ("document_country", "document_id", "document"),
];

#[async_trait]
impl MigrationTrait for SearchOutbox {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("search_outbox"))
                    .col(pk_auto(n("id")))
                    .col(string_len(n("entity"), 16))
                    .col(integer(n("entity_id")))
                    // Lag is measured from here; the database's clock, as the triggers see it.
                    .col(
                        timestamp_with_time_zone(n("created_at"))
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("search_lease"))
                    .col(string_len(n("name"), 32).primary_key())
                    .col(string_len_null(n("holder"), 128))
                    // Unix milliseconds: compared by the holders' clocks, the same on both backends.
                    .col(big_integer(n("expires_at")).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(n("search_lease"))
                    .columns([n("name"), n("expires_at")])
                    .values_panic(["meilisearch".into(), 0i64.into()])
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("search_translation"))
                    .col(string_len(n("locale"), 8))
                    .col(string_len(n("message_id"), 200))
                    .col(text(n("content")))
                    .primary_key(Index::create().col(n("locale")).col(n("message_id")))
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => {
                for (table, column, entity) in OUTBOX_SOURCES {
                    let insert = |row: &str| {
                        format!(
                            "INSERT INTO search_outbox (entity, entity_id) VALUES ('{entity}', {row}.{column});"
                        )
                    };
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER search_outbox_{table}_insert AFTER INSERT ON {table} \
                         BEGIN {} END;",
                        insert("NEW")
                    ))
                    .await?;
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER search_outbox_{table}_delete AFTER DELETE ON {table} \
                         BEGIN {} END;",
                        insert("OLD")
                    ))
                    .await?;
                    // An update can move a link row from one entity to another: both change.
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER search_outbox_{table}_update AFTER UPDATE ON {table} \
                         BEGIN {} INSERT INTO search_outbox (entity, entity_id) \
                         SELECT '{entity}', OLD.{column} WHERE OLD.{column} <> NEW.{column}; END;",
                        insert("NEW")
                    ))
                    .await?;
                }
                db.execute_unprepared(
                    "CREATE TRIGGER search_outbox_institution_update AFTER UPDATE OF name, acronym \
                     ON institution BEGIN INSERT INTO search_outbox (entity, entity_id) \
                     SELECT 'program', id FROM program WHERE institution_id = NEW.id; END;",
                )
                .await?;
            }
            sea_orm::DatabaseBackend::Postgres => {
                // One function for every source table: the entity and the id column are the
                // trigger's arguments, the id read through to_jsonb (plpgsql cannot name a
                // column by a variable).
                db.execute_unprepared(
                    "CREATE FUNCTION search_outbox_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN
                       IF TG_OP <> 'DELETE' THEN
                         INSERT INTO search_outbox (entity, entity_id)
                         VALUES (TG_ARGV[0], (to_jsonb(NEW) ->> TG_ARGV[1])::integer);
                       END IF;
                       IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (to_jsonb(OLD) ->> TG_ARGV[1]) IS DISTINCT FROM (to_jsonb(NEW) ->> TG_ARGV[1])) THEN
                         INSERT INTO search_outbox (entity, entity_id)
                         VALUES (TG_ARGV[0], (to_jsonb(OLD) ->> TG_ARGV[1])::integer);
                       END IF;
                       RETURN NULL;
                     END $$",
                )
                .await?;
                for (table, column, entity) in OUTBOX_SOURCES {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER search_outbox_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} \
                         FOR EACH ROW EXECUTE FUNCTION search_outbox_enqueue('{entity}', '{column}')"
                    ))
                    .await?;
                }
                db.execute_unprepared(
                    "CREATE FUNCTION search_outbox_institution() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN
                       INSERT INTO search_outbox (entity, entity_id)
                       SELECT 'program', id FROM program WHERE institution_id = NEW.id;
                       RETURN NULL;
                     END $$",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER search_outbox_institution AFTER UPDATE OF name, acronym ON institution \
                     FOR EACH ROW EXECUTE FUNCTION search_outbox_institution()",
                )
                .await?;
            }
            other => {
                return Err(DbErr::Migration(format!(
                    "no search outbox triggers for {other:?}"
                )))
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                for (table, _, _) in OUTBOX_SOURCES {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS search_outbox_{table} ON {table}"
                    ))
                    .await?;
                }
                db.execute_unprepared(
                    "DROP TRIGGER IF EXISTS search_outbox_institution ON institution",
                )
                .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS search_outbox_enqueue()")
                    .await?;
                db.execute_unprepared("DROP FUNCTION IF EXISTS search_outbox_institution()")
                    .await?;
            }
            _ => {
                for (table, _, _) in OUTBOX_SOURCES {
                    for event in ["insert", "update", "delete"] {
                        db.execute_unprepared(&format!(
                            "DROP TRIGGER IF EXISTS search_outbox_{table}_{event}"
                        ))
                        .await?;
                    }
                }
                db.execute_unprepared("DROP TRIGGER IF EXISTS search_outbox_institution_update")
                    .await?;
            }
        }
        for table in ["search_translation", "search_lease", "search_outbox"] {
            manager
                .drop_table(Table::drop().table(n(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Accounts of focal points and of the Technical Secretariat, revoked tokens, and login
/// failures. Failures live in the database (not in one gateway's memory) so throttling holds
/// across restarts and instances.
struct Accounts;

impl MigrationName for Accounts {
    fn name(&self) -> &str {
        "m20261122_000004_accounts"
    }
}

#[async_trait]
impl MigrationTrait for Accounts {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("account"))
                    .col(pk_auto(n("id")))
                    .col(string_len_uniq(n("username"), 64))
                    // argon2id in PHC string format: algorithm, parameters and salt included.
                    .col(text(n("password_hash")))
                    .col(string_len(n("role"), 16))
                    // A focal point's account belongs to a member (and so to an institution).
                    .col(integer_null(n("member_id")))
                    .col(timestamp_with_time_zone(n("created_at")))
                    .col(timestamp_with_time_zone(n("password_changed_at")))
                    .foreign_key(&mut fk("account", "member_id", "member", "id"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("revoked_token"))
                    .col(string_len(n("token_id"), 64).primary_key())
                    // Unix seconds: after this the token is dead anyway and the row can go.
                    .col(big_integer(n("expires_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("login_failure"))
                    // `account:<username>` or `address:<ip>`.
                    .col(string_len(n("subject"), 200).primary_key())
                    .col(integer(n("failures")))
                    // Unix seconds of the first failure of the current window.
                    .col(big_integer(n("window_started_at")))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["login_failure", "revoked_token", "account"] {
            manager
                .drop_table(Table::drop().table(n(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// The editorial record of the Portfolio: one row per change of a program's status (who, when,
/// from, to, and the comment, e.g. why the Secretariat returned a draft). Rows are only ever
/// inserted, in the same transaction as the status change, so the record cannot disagree with
/// the program.
struct ProgramTransitions;

impl MigrationName for ProgramTransitions {
    fn name(&self) -> &str {
        "m20261129_000005_program_transitions"
    }
}

#[async_trait]
impl MigrationTrait for ProgramTransitions {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("program_transition"))
                    .col(pk_auto(n("id")))
                    .col(integer(n("program_id")))
                    // The account that acted. The foreign key keeps an account with a record
                    // from being deleted: the record is the Secretariat's audit trail.
                    .col(integer(n("account_id")))
                    // None for the creation of a program (it enters as a draft).
                    .col(string_len_null(n("from_status"), 16))
                    .col(string_len(n("to_status"), 16))
                    .col(text_null(n("comment")))
                    .col(timestamp_with_time_zone(n("created_at")))
                    .foreign_key(&mut fk("program_transition", "program_id", "program", "id"))
                    .foreign_key(&mut fk("program_transition", "account_id", "account", "id"))
                    .to_owned(),
            )
            .await?;
        // A program's record is read in order, by program.
        manager
            .create_index(index("program_transition", &["program_id", "id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(n("program_transition")).to_owned())
            .await
    }
}

/// The folded text the `text` filter of `programs` matches (`crate::text`), one row per
/// program, in a table of its own so that program rows (read by every list, count and the
/// indexer) stay as narrow as they were. Existing programs are folded here, in Rust: no
/// database folds text the way `crate::text::fold` does (SQLite's `lower()` is ASCII-only).
///
/// Deleting a program deletes its folded text (`ON DELETE CASCADE`): the row is a derived
/// copy, never a reason to keep a program.
struct ProgramText;

impl MigrationName for ProgramText {
    fn name(&self) -> &str {
        "m20261206_000006_program_text"
    }
}

#[async_trait]
impl MigrationTrait for ProgramText {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("program_text"))
                    .col(integer(n("program_id")).primary_key())
                    .col(text(n("folded")))
                    .foreign_key(
                        fk("program_text", "program_id", "program", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        refold_programs(manager.get_connection()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(n("program_text")).to_owned())
            .await
    }
}

/// The source texts translations were made from, by fingerprint
/// (`crate::entity::source_text`), so a stale translation's old source text can be shown.
/// Number 7 is another branch's.
struct SourceText;

impl MigrationName for SourceText {
    fn name(&self) -> &str {
        "m20261201_000008_source_text"
    }
}

#[async_trait]
impl MigrationTrait for SourceText {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("source_text"))
                    .col(string_len(n("message_id"), 200))
                    .col(string_len(n("field"), 64))
                    .col(string_len(n("fingerprint"), 16))
                    .col(text(n("text")))
                    .col(timestamp_with_time_zone(n("recorded_at")))
                    .primary_key(
                        Index::create()
                            .col(n("message_id"))
                            .col(n("field"))
                            .col(n("fingerprint")),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(n("source_text")).to_owned())
            .await
    }
}

/// The data version: one number that every committed change to the network's data moves,
/// bumped by triggers (as the search outbox is fed), so no write path can forget it — a
/// mutation, the seeder, another gateway on the same database, or a manual SQL fix. The
/// gateway's exact caches (`gateway/src/graphql/versioned.rs`) are keyed by it: a write committed
/// anywhere is seen by the very next request to any gateway.
///
/// Every table gets the triggers except those in [`UNVERSIONED_TABLES`], which hold no data a
/// query answers from (the search bookkeeping, login failures, revoked tokens, migrations).
/// A later migration that creates a table calls [`version_table`] for it; a test checks that
/// every table but those is versioned.
struct DataVersion;

impl MigrationName for DataVersion {
    fn name(&self) -> &str {
        "m20261201_000009_data_version"
    }
}

/// Tables whose writes do not move the data version: no answer is read from them.
pub const UNVERSIONED_TABLES: [&str; 7] = [
    "data_version",
    "seaql_migrations",
    "search_outbox",
    "search_lease",
    "search_translation",
    "login_failure",
    "revoked_token",
];

/// The tables of the current schema, by name.
pub async fn table_names<C: ConnectionTrait>(db: &C) -> Result<Vec<String>, DbErr> {
    let sql = match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name"
        }
        _ => {
            "SELECT table_name FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
    };
    let rows = db
        .query_all(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await?;
    rows.iter().map(|row| row.try_get_by_index(0)).collect()
}

/// Makes every insert, update and delete on `table` move the data version.
pub async fn version_table<C: ConnectionTrait>(db: &C, table: &str) -> Result<(), DbErr> {
    match db.get_database_backend() {
        sea_orm::DatabaseBackend::Sqlite => {
            // SQLite has row triggers only; the bump is one small update per row written.
            for event in ["insert", "update", "delete"] {
                db.execute_unprepared(&format!(
                    "CREATE TRIGGER data_version_{table}_{event} AFTER {} ON {table} \
                     BEGIN UPDATE data_version SET version = version + 1; END;",
                    event.to_uppercase()
                ))
                .await?;
            }
        }
        _ => {
            // One bump per statement, however many rows it writes.
            db.execute_unprepared(&format!(
                "CREATE TRIGGER data_version_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} \
                 FOR EACH STATEMENT EXECUTE FUNCTION data_version_bump()"
            ))
            .await?;
        }
    }
    Ok(())
}

#[async_trait]
impl MigrationTrait for DataVersion {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("data_version"))
                    .col(integer(n("id")).primary_key())
                    .col(big_integer(n("version")).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(n("data_version"))
                    .columns([n("id"), n("version")])
                    .values_panic([1.into(), 0i64.into()])
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        if db.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            db.execute_unprepared(
                "CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   UPDATE data_version SET version = version + 1;
                   RETURN NULL;
                 END $$",
            )
            .await?;
        }
        for table in table_names(db).await? {
            if !UNVERSIONED_TABLES.contains(&table.as_str()) {
                version_table(db, &table).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = db.get_database_backend() == sea_orm::DatabaseBackend::Postgres;
        for table in table_names(db).await? {
            if UNVERSIONED_TABLES.contains(&table.as_str()) {
                continue;
            }
            if postgres {
                db.execute_unprepared(&format!(
                    "DROP TRIGGER IF EXISTS data_version_{table} ON {table}"
                ))
                .await?;
            } else {
                for event in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!(
                        "DROP TRIGGER IF EXISTS data_version_{table}_{event}"
                    ))
                    .await?;
                }
            }
        }
        if postgres {
            db.execute_unprepared("DROP FUNCTION IF EXISTS data_version_bump()")
                .await?;
        }
        manager
            .drop_table(Table::drop().table(n("data_version")).to_owned())
            .await
    }
}

/// The data version now: moved by every committed change to the network's data (see the
/// `DataVersion` migration).
pub async fn data_version<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    let row = db
        .query_one(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM data_version WHERE id = 1",
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("data_version".into()))?;
    row.try_get_by_index(0)
}

/// Programs read and written per statement by [`refold_programs`]: two bound values a row,
/// well under SQLite's oldest limit of 999 per statement.
const REFOLD_BATCH: u64 = 400;

/// Writes the folded text of every program (`program_text`), replacing what is there: the
/// backfill of [`ProgramText`], and what a later migration that changes the folding rule
/// runs. Reads the programs in id order, a batch at a time, so memory stays flat at any size.
pub async fn refold_programs<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let mut after = i32::MIN;
    loop {
        let select = Query::select()
            .columns([n("id"), n("title"), n("summary")])
            .from(n("program"))
            .and_where(Expr::col(n("id")).gt(after))
            .order_by(n("id"), Order::Asc)
            .limit(REFOLD_BATCH)
            .to_owned();
        let rows = db.query_all(backend.build(&select)).await?;
        let Some(last) = rows.last() else {
            return Ok(());
        };
        after = last.try_get("", "id")?;
        let mut insert = Query::insert()
            .into_table(n("program_text"))
            .columns([n("program_id"), n("folded")])
            .on_conflict(
                OnConflict::column(n("program_id"))
                    .update_column(n("folded"))
                    .to_owned(),
            )
            .to_owned();
        for row in &rows {
            let id: i32 = row.try_get("", "id")?;
            let title: String = row.try_get("", "title")?;
            let summary: String = row.try_get("", "summary")?;
            let folded = crate::entity::program_text::folded(&title, &summary);
            insert
                .values([id.into(), folded.into()])
                .map_err(|error| DbErr::Migration(error.to_string()))?;
        }
        db.execute(backend.build(&insert)).await?;
    }
}

/// What the source documents say, and where each fact comes from (issue 14, section 4):
///
/// - `source_document` lists the documents the seed data is transcribed from, and
///   `provenance` names, for each seeded row, the document and the section it comes from
///   (several when a row draws on several). Rows that are not from the seed files (created
///   through the API, synthetic data, and rows loaded before this migration until the next
///   `gateway seed`) have none: their source is unknown.
/// - `dialogue.governments_count`: the 1st dialogue gathered delegations of 30 governments,
///   not 30 Ministries.
/// - `committee_seat.office_term_*`: the years of the IACML or Working Group office that
///   gave the seat (2021-2024), apart from the Committee's own term.
/// - `dialogue_observer`: observer states at a dialogue, apart from the participating
///   countries (the Ministries of the Americas); existing observer-state rows move there.
/// - `member.active` and `program.evaluated` become nullable: null when the sources do not
///   say. Existing values are kept.
/// - `network_objective`, `network_tool` and `mandate`: the network's objectives, its eight
///   tools and the mandates behind it, as the foundational document states them.
struct Provenance;

impl MigrationName for Provenance {
    fn name(&self) -> &str {
        "m20261201_000007_provenance"
    }
}

/// Makes `table.column` (a boolean) nullable, keeping its values. Portable: SQLite cannot
/// alter a column's constraints, so the column is copied, dropped and renamed back.
async fn make_boolean_nullable(
    manager: &SchemaManager<'_>,
    table: &str,
    column: &str,
) -> Result<(), DbErr> {
    let spare = format!("{column}_nullable");
    manager
        .alter_table(
            Table::alter()
                .table(n(table))
                .add_column(boolean_null(n(&spare)))
                .to_owned(),
        )
        .await?;
    let backend = manager.get_database_backend();
    let copy = Query::update()
        .table(n(table))
        .value(n(&spare), Expr::col(n(column)))
        .to_owned();
    manager
        .get_connection()
        .execute(backend.build(&copy))
        .await?;
    manager
        .alter_table(
            Table::alter()
                .table(n(table))
                .drop_column(n(column))
                .to_owned(),
        )
        .await?;
    manager
        .alter_table(
            Table::alter()
                .table(n(table))
                .rename_column(n(&spare), n(column))
                .to_owned(),
        )
        .await
}

#[async_trait]
impl MigrationTrait for Provenance {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(n("source_document"))
                    .col(string(n("key")).primary_key())
                    .col(string(n("file")))
                    .col(text(n("title")))
                    .col(text(n("description")))
                    .col(integer(n("position")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("provenance"))
                    .col(string(n("entity")))
                    .col(string(n("record_key")))
                    .col(integer(n("position")))
                    .col(string(n("document_key")))
                    .col(text(n("section")))
                    .primary_key(
                        Index::create()
                            .col(n("entity"))
                            .col(n("record_key"))
                            .col(n("position")),
                    )
                    .foreign_key(&mut fk(
                        "provenance",
                        "document_key",
                        "source_document",
                        "key",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("provenance", &["document_key"]))
            .await?;

        for (table, column) in [
            ("dialogue", "governments_count"),
            ("committee_seat", "office_term_start"),
            ("committee_seat", "office_term_end"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(n(table))
                        .add_column(integer_null(n(column)))
                        .to_owned(),
                )
                .await?;
        }

        let (create, reverse) = link_table(
            "dialogue_observer",
            ("dialogue_id", "dialogue"),
            ("country_code", "country", true),
        );
        manager.create_table(create).await?;
        manager.create_index(reverse).await?;
        // Observer states were listed among the participating countries: move them.
        let db = manager.get_connection();
        let observers = "SELECT code FROM country WHERE oas_status = 'observer_state'";
        db.execute_unprepared(&format!(
            "INSERT INTO dialogue_observer (dialogue_id, country_code) \
             SELECT dialogue_id, country_code FROM dialogue_country WHERE country_code IN ({observers})"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "DELETE FROM dialogue_country WHERE country_code IN ({observers})"
        ))
        .await?;

        // The seats the seed files wrote before carried the offices' period (2021-2024) as
        // the Committee's term: move it to the office, and give the Committee's own term.
        db.execute_unprepared(
            "UPDATE committee_seat SET office_term_start = term_start, office_term_end = term_end, \
             term_start = 2022, term_end = CASE WHEN role = 'iacml_chair' THEN NULL ELSE 2023 END \
             WHERE term_start = 2021 AND term_end = 2024 \
             AND role IN ('iacml_chair', 'wg1_chair', 'wg1_vice_chair')",
        )
        .await?;

        make_boolean_nullable(manager, "member", "active").await?;
        make_boolean_nullable(manager, "program", "evaluated").await?;

        manager
            .create_table(
                Table::create()
                    .table(n("network_objective"))
                    .col(pk_auto(n("id")))
                    .col(string_uniq(n("slug")))
                    .col(string(n("kind")))
                    .col(text(n("text")))
                    .col(integer(n("position")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("network_tool"))
                    .col(pk_auto(n("id")))
                    .col(string_uniq(n("slug")))
                    .col(string(n("name")))
                    .col(text(n("description")))
                    .col(integer(n("position")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(n("mandate"))
                    .col(pk_auto(n("id")))
                    .col(string_uniq(n("slug")))
                    .col(string(n("instrument")))
                    .col(string_null(n("article")))
                    .col(integer_null(n("year")))
                    .col(text(n("text")))
                    .col(integer(n("position")))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO dialogue_country (dialogue_id, country_code) \
                 SELECT dialogue_id, country_code FROM dialogue_observer",
            )
            .await?;
        for table in [
            "mandate",
            "network_tool",
            "network_objective",
            "dialogue_observer",
            "provenance",
            "source_document",
        ] {
            manager
                .drop_table(Table::drop().table(n(table)).to_owned())
                .await?;
        }
        for (table, column) in [
            ("dialogue", "governments_count"),
            ("committee_seat", "office_term_start"),
            ("committee_seat", "office_term_end"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(n(table))
                        .drop_column(n(column))
                        .to_owned(),
                )
                .await?;
        }
        // `active` and `evaluated` stay nullable: a null cannot be turned back into a fact.
        Ok(())
    }
}
