//! Long texts of the data (summaries, conclusions) as HTML: blank lines separate
//! paragraphs, lines starting with `- ` are list items (indented ones nested one level).
//! Every character of the text is escaped: only the markup made here is HTML.

use crate::search::escape;

/// The text as escaped HTML paragraphs and lists.
pub fn prose(text: &str) -> String {
    let mut out = String::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        // Depth of the list open: 0 none, 1 a list, 2 a nested list.
        let mut depth = 0;
        let mut paragraph: Vec<&str> = Vec::new();
        let flush = |paragraph: &mut Vec<&str>, out: &mut String| {
            if !paragraph.is_empty() {
                out.push_str("<p>");
                out.push_str(&escape(&paragraph.join(" ")));
                out.push_str("</p>");
                paragraph.clear();
            }
        };
        for line in block.lines() {
            let indented = line.starts_with(' ') || line.starts_with('\t');
            let trimmed = line.trim();
            if let Some(item) = trimmed.strip_prefix("- ") {
                flush(&mut paragraph, &mut out);
                let level = if indented && depth >= 1 { 2 } else { 1 };
                while depth < level {
                    if depth == 1 {
                        // A nested list goes inside the open item.
                        out.truncate(out.len() - "</li>".len());
                    }
                    out.push_str("<ul>");
                    depth += 1;
                }
                while depth > level {
                    out.push_str("</ul></li>");
                    depth -= 1;
                }
                out.push_str("<li>");
                out.push_str(&escape(item));
                out.push_str("</li>");
            } else {
                while depth > 0 {
                    out.push_str(if depth == 2 { "</ul></li>" } else { "</ul>" });
                    depth -= 1;
                }
                paragraph.push(trimmed);
                // A line ending with ':' introduces what follows: its own paragraph.
                if trimmed.ends_with(':') {
                    flush(&mut paragraph, &mut out);
                }
            }
        }
        flush(&mut paragraph, &mut out);
        while depth > 0 {
            out.push_str(if depth == 2 { "</ul></li>" } else { "</ul>" });
            depth -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::prose;

    #[test]
    fn paragraphs_lists_and_nested_lists() {
        assert_eq!(prose("One\ntwo.\n\nThree."), "<p>One two.</p><p>Three.</p>");
        assert_eq!(
            prose("Intro:\n- a\n- b\n  - b1\n  - b2\n- c\nAfter."),
            "<p>Intro:</p><ul><li>a</li><li>b<ul><li>b1</li><li>b2</li></ul></li><li>c</li></ul><p>After.</p>"
        );
        assert_eq!(
            prose("- a\n  - a1"),
            "<ul><li>a<ul><li>a1</li></ul></li></ul>"
        );
    }

    #[test]
    fn everything_is_escaped() {
        assert_eq!(
            prose("<script>x</script>\n- <b>&</b>"),
            "<p>&lt;script&gt;x&lt;/script&gt;</p><ul><li>&lt;b&gt;&amp;&lt;/b&gt;</li></ul>"
        );
    }
}
