//! The command-line options several binaries take, each written once: its flag, environment
//! variable, default and help text. A binary flattens the ones it needs into its own clap
//! struct (`#[command(flatten)]`), as it does `telemetry::TelemetryArgs`; what only one
//! binary reads stays in that binary's `config.rs`.
//!
//! `MEILI_URL` is not here although the gateway and the indexer both read it: they are two
//! options under one name, optional for the gateway (without it, search is off) and with a
//! local default for the indexer (which exists to write there).

use std::path::{Path, PathBuf};

/// The database of the gateway and the search indexer (the portal never opens it).
#[derive(Debug, Clone, clap::Args)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://path/to/file.db` (created on first use) or `postgres://…`; the
    /// gateway and the search indexer work on the same one.
    #[arg(
        id = "database_url",
        long = "database-url",
        value_name = "DATABASE_URL",
        env = "DATABASE_URL",
        default_value = "sqlite://data/rial.db",
        global = true
    )]
    pub url: String,
}

/// The locale files: the data's translations and the services' own texts (`ui.ftl`,
/// `portal.ftl`), read by the gateway, the search indexer and the portal.
#[derive(Debug, Clone, clap::Args)]
pub struct LocalesArgs {
    /// Folder of the locale files, `<lang>/*.ftl`: translations of the data and each
    /// service's own texts (defaults to `locales` of the source tree).
    #[arg(
        id = "locales_dir",
        long = "locales-dir",
        value_name = "LOCALES_DIR",
        env = "LOCALES_DIR",
        global = true
    )]
    pub dir: Option<PathBuf>,
}

impl LocalesArgs {
    /// The folder given, else `locales` of the source tree.
    pub fn dir(&self) -> PathBuf {
        self.dir.clone().unwrap_or_else(default_locales_dir)
    }
}

/// The `locales/` folder of the source tree.
pub fn default_locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales")
}

/// The prefix of the search index names, which the indexer writes and the gateway reads: the
/// two must be given the same. The indexer spells the flag `--index-prefix` (and takes it
/// before its subcommand); it renames the flag where it flattens this struct.
#[derive(Debug, Clone, clap::Args)]
pub struct IndexPrefixArgs {
    /// Prefix of the index names, `<prefix>en` and `<prefix>es`: the same for the gateway
    /// and the search indexer.
    #[arg(
        id = "meili_index_prefix",
        long = "meili-index-prefix",
        value_name = "MEILI_INDEX_PREFIX",
        env = "MEILI_INDEX_PREFIX",
        default_value = "rial-"
    )]
    pub prefix: String,
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    /// A binary with every shared option, as one would flatten them.
    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        database: DatabaseArgs,
        #[command(flatten)]
        locales: LocalesArgs,
        #[command(flatten)]
        index: IndexPrefixArgs,
    }

    #[test]
    fn defaults_are_those_documented() {
        // The environment of the test process may set the variables: read the defaults
        // from the parser's declarations, not from a parse.
        let command = <Cli as clap::CommandFactory>::command();
        let default = |id: &str| {
            let arg = command
                .get_arguments()
                .find(|arg| arg.get_id() == id)
                .unwrap_or_else(|| panic!("an argument `{id}`"));
            arg.get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(default("database_url"), ["sqlite://data/rial.db"]);
        assert_eq!(default("meili_index_prefix"), ["rial-"]);
        assert!(default("locales_dir").is_empty());
        let locales = LocalesArgs { dir: None }.dir();
        assert!(
            locales.join("en/ui.ftl").is_file(),
            "{} holds the locale files",
            locales.display()
        );
        let cli = Cli::parse_from([
            "binary",
            "--database-url",
            "postgres://db",
            "--locales-dir",
            "/l",
            "--meili-index-prefix",
            "x-",
        ]);
        assert_eq!(cli.database.url, "postgres://db");
        assert_eq!(cli.locales.dir(), PathBuf::from("/l"));
        assert_eq!(cli.index.prefix, "x-");
    }
}

/// What the binaries' tests read in the documentation to hold it to their clap definitions:
/// the subcommands ARCHITECTURE.md and README.md list must be those a binary declares. Test
/// support; each function panics, naming what it looked for, when the text is not there.
pub mod documented {
    /// The names of a command's subcommands, as `--help` lists them, sorted.
    pub fn subcommands(command: &clap::Command) -> Vec<String> {
        let mut names: Vec<String> = command
            .get_subcommands()
            .map(|sub| sub.get_name().to_owned())
            .filter(|name| name != "help")
            .collect();
        names.sort();
        names
    }

    /// The backquoted words of `text` from the end of `start` to `end`, sorted.
    pub fn quoted_between(text: &str, start: &str, end: &str) -> Vec<String> {
        let from = text
            .find(start)
            .unwrap_or_else(|| panic!("`{start}` is in the text"));
        let rest = &text[from + start.len()..];
        let span = &rest[..rest.find(end).expect("the end of the list")];
        let mut words: Vec<String> = span
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        words.sort();
        words
    }

    /// The commands of a README synopsis (a ```text block opening with `first_line`): its
    /// lines indented by two spaces, the name then two spaces or more, sorted.
    pub fn synopsis_commands(readme: &str, first_line: &str) -> Vec<String> {
        let block = &readme[readme.find(first_line).expect("the synopsis")..];
        let block = &block[..block.find("```").expect("the block's end")];
        let mut names: Vec<String> = block
            .lines()
            .filter_map(|line| line.strip_prefix("  "))
            .filter(|line| !line.starts_with(' '))
            .filter_map(|line| line.split_once("  ").map(|(name, _)| name.to_owned()))
            .collect();
        names.sort();
        names
    }
}
