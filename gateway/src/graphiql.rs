//! GraphiQL, served by the gateway itself: no CDN, nothing from another origin.
//!
//! The files are the npm packages pinned by `gateway/graphiql/package-lock.json` (GraphiQL's
//! self-contained UMD bundle and stylesheet, and the React 18 production builds it runs on),
//! read at run time from a folder (`GATEWAY_GRAPHIQL_DIR`, by default that folder's
//! `node_modules` in the source tree), plus two small files of our own compiled in: the code
//! that starts GraphiQL (so the page itself has no inline script, and its
//! Content-Security-Policy allows scripts from the gateway only) and the page's layout.
//!
//! The page speaks the reader's language (`Accept-Language`, English or Spanish): its own
//! text comes from `locales/<lang>/ui.ftl` (`graphiql-*`), its `lang` attribute says which,
//! and GraphiQL sends that language to the API by default (its `Accept-Language` header,
//! editable in GraphiQL's headers tab), so answers come back in it. GraphiQL's own controls
//! have no translations upstream and stay English.
//!
//! Each file is served at a name carrying a fingerprint of its content
//! (`/graphiql/graphiql.<hash>.js`) and cached for a year. When the files are missing the
//! page says how to install them, and every request looks again, so installing them needs
//! no restart.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use poem::http::{header, StatusCode};
use poem::{IntoResponse, Response};
use rial_schema::enums::Language;
use rial_schema::l10n::Catalog;
use sha2::{Digest, Sha256};

/// The code that starts GraphiQL on the page.
const INIT_JS: &[u8] = include_bytes!("../graphiql/init.js");
/// The page's layout (GraphiQL fills the window).
const PAGE_CSS: &[u8] = include_bytes!("../graphiql/page.css");

/// The policy of the GraphiQL page: scripts, styles and the API from the gateway only. Fonts
/// and icons come inlined in GraphiQL's stylesheet (`data:` URLs).
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

/// The files of the vendored packages: (name served, path under the folder, content type).
const VENDORED: [(&str, &str, &str); 4] = [
    ("react", "react/umd/react.production.min.js", JS),
    ("react-dom", "react-dom/umd/react-dom.production.min.js", JS),
    ("graphiql", "graphiql/graphiql.min.js", JS),
    ("graphiql", "graphiql/graphiql.min.css", CSS),
];
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";

/// The `node_modules` folder of `gateway/graphiql/` in the source tree.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("graphiql/node_modules")
}

/// One served file.
struct Asset {
    /// `graphiql.<hash>.js`.
    name: String,
    content_type: &'static str,
    body: Vec<u8>,
}

/// The files, once read.
struct Bundle {
    assets: Vec<Asset>,
    /// The page with `{lang}`, `{title}`, `{loading}`, `{noscript}` and the editors' labels
    /// (`{label-…}`) still to fill.
    page: String,
}

/// Text to put in HTML (the page's own strings come from the locale files, which the
/// Secretariat edits: escaped like any other text).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// GraphiQL's files: read from `dir` the first time they are all there.
pub struct GraphiQL {
    dir: PathBuf,
    bundle: OnceLock<Bundle>,
}

impl std::fmt::Debug for GraphiQL {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GraphiQL")
            .field("dir", &self.dir)
            .field("loaded", &self.bundle.get().is_some())
            .finish()
    }
}

/// The first 12 hex digits of the content's SHA-256.
fn fingerprint(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn asset(stem: &str, content_type: &'static str, body: Vec<u8>) -> Asset {
    let extension = if content_type == CSS { "css" } else { "js" };
    Asset {
        name: format!("{stem}.{}.{extension}", fingerprint(&body)),
        content_type,
        body,
    }
}

impl GraphiQL {
    /// GraphiQL from the packages installed in `dir` (a `node_modules` folder). Nothing is
    /// read yet.
    pub fn new(dir: PathBuf) -> Self {
        GraphiQL {
            dir,
            bundle: OnceLock::new(),
        }
    }

    /// Whether the files are there (reading them if not read yet).
    pub fn installed(&self) -> bool {
        self.bundle().is_some()
    }

    fn bundle(&self) -> Option<&Bundle> {
        if let Some(bundle) = self.bundle.get() {
            return Some(bundle);
        }
        match self.read() {
            Ok(bundle) => Some(self.bundle.get_or_init(|| bundle)),
            Err(missing) => {
                tracing::warn!(file = %missing.display(), "GraphiQL's files are not installed: run `npm ci` in gateway/graphiql, or set GATEWAY_GRAPHIQL_DIR");
                None
            }
        }
    }

    /// Every file, or the path of the first one missing.
    fn read(&self) -> Result<Bundle, PathBuf> {
        let mut assets = Vec::new();
        for (stem, relative, content_type) in VENDORED {
            let path = self.dir.join(relative);
            let body = std::fs::read(&path).map_err(|_| path)?;
            assets.push(asset(stem, content_type, body));
        }
        assets.push(asset("init", JS, INIT_JS.to_vec()));
        assets.push(asset("page", CSS, PAGE_CSS.to_vec()));
        let href = |stem: &str, content_type: &str| {
            assets
                .iter()
                .find(|asset| {
                    asset.name.starts_with(&format!("{stem}."))
                        && asset.content_type == content_type
                })
                .map(|asset| format!("/graphiql/{}", asset.name))
                .unwrap_or_default()
        };
        // React first, then GraphiQL (it looks for `window.React`), then the start-up code.
        let page = format!(
            r#"<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{graphiql_css}">
<link rel="stylesheet" href="{page_css}">
</head>
<body>
<main id="graphiql" data-endpoint="/graphql" data-language="{{lang}}" data-label-query="{{label-query}}" data-label-variables="{{label-variables}}" data-label-headers="{{label-headers}}" data-label-response="{{label-response}}"><h1 class="loading">{{loading}}</h1></main>
<noscript><p>{{noscript}}</p></noscript>
<script src="{react}"></script>
<script src="{react_dom}"></script>
<script src="{graphiql_js}"></script>
<script src="{init}"></script>
</body>
</html>
"#,
            graphiql_css = href("graphiql", CSS),
            page_css = href("page", CSS),
            react = href("react", JS),
            react_dom = href("react-dom", JS),
            graphiql_js = href("graphiql", JS),
            init = href("init", JS),
        );
        Ok(Bundle { assets, page })
    }

    /// The GraphiQL page in `language`; when the files are missing, a page that says how to
    /// install them (503: the page cannot work until then).
    pub fn page(&self, catalog: &Catalog, language: Language) -> Response {
        let text = |id: &str| {
            escape(
                &catalog
                    .format(language, id, None, None)
                    .unwrap_or_else(|| id.to_owned()),
            )
        };
        let (status, body) = match self.bundle() {
            Some(bundle) => (
                StatusCode::OK,
                bundle
                    .page
                    .replace("{lang}", language.as_str())
                    .replace("{title}", &text("graphiql-title"))
                    .replace("{loading}", &text("graphiql-loading"))
                    .replace("{noscript}", &text("graphiql-noscript"))
                    .replace("{label-query}", &text("graphiql-label-query"))
                    .replace("{label-variables}", &text("graphiql-label-variables"))
                    .replace("{label-headers}", &text("graphiql-label-headers"))
                    .replace("{label-response}", &text("graphiql-label-response")),
            ),
            None => (StatusCode::SERVICE_UNAVAILABLE, MISSING_PAGE.to_owned()),
        };
        Response::builder()
            .status(status)
            .content_type("text/html; charset=utf-8")
            .header(header::VARY, "accept-language")
            .header(header::CONTENT_SECURITY_POLICY, PAGE_CSP)
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .header(header::REFERRER_POLICY, "same-origin")
            .header(header::CACHE_CONTROL, "no-cache")
            .body(body)
    }

    /// A file by its fingerprinted name; 404 for any other name (an old fingerprint too).
    pub fn asset(&self, name: &str) -> Response {
        let found = self
            .bundle()
            .and_then(|bundle| bundle.assets.iter().find(|asset| asset.name == name));
        match found {
            Some(asset) => Response::builder()
                .content_type(asset.content_type)
                // The name changes with the content: cache it for a year, never revalidate.
                .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
                .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
                .body(asset.body.clone()),
            None => StatusCode::NOT_FOUND.into_response(),
        }
    }
}

/// What a browser sees when the files are not installed. The folder looked in is in the
/// log, not here: a page of the API does not describe the server's disk.
const MISSING_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>GraphiQL is not installed</title>
</head>
<body>
<h1>GraphiQL is not installed</h1>
<p>The gateway serves GraphiQL from files installed with npm, and they are not there yet.
In the source tree, run <code>npm ci</code> in <code>gateway/graphiql/</code>
(<code>cargo xtask run</code> does it for you), or point <code>GATEWAY_GRAPHIQL_DIR</code> at a
<code>node_modules</code> folder holding them; then reload this page. The gateway's log names
the file it looked for.</p>
<p>The API itself works: send queries to <code>POST /graphql</code>.</p>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_are_looked_for_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let graphiql = GraphiQL::new(dir.path().to_path_buf());
        assert!(!graphiql.installed());
        for (_, relative, _) in VENDORED {
            let path = dir.path().join(relative);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, relative).expect("write");
        }
        assert!(graphiql.installed());
        let page = &graphiql.bundle().expect("bundle").page;
        for asset in &graphiql.bundle().expect("bundle").assets {
            assert!(
                page.contains(&format!("\"/graphiql/{}\"", asset.name)),
                "{page}"
            );
        }
        assert!(!page.contains("<script>"), "no inline script: {page}");
    }
}
