//! Context tests shared by the spacing rules: is a position inside a URL, an e-mail
//! address, a domain name or a code span, where punctuation follows other rules.

/// The whitespace-delimited chunk of `text` around byte `pos`.
pub(super) fn chunk_at(text: &str, pos: usize) -> (usize, &str) {
    let pos = pos.min(text.len());
    let start = text[..pos]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[pos..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(i, _)| pos + i);
    (start, &text[start..end])
}

/// Whether the chunk around `pos` is a URL, an e-mail address, a domain name, a file
/// name or a handle: anything where `.` `,` `:` `/` follow machine rules.
pub(super) fn in_machine_token(text: &str, pos: usize) -> bool {
    let (_, chunk) = chunk_at(text, pos);
    let lower = chunk.to_ascii_lowercase();
    lower.contains("://")
        || lower.starts_with("www.")
        || lower.contains("@")
        || lower.contains('/')
        || lower.contains('\\')
        || lower.contains('_')
        || lower.contains('=')
        || has_domain_suffix(chunk)
}

const TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "mil", "info", "io", "co", "uk", "us", "eu", "de",
    "fr", "ru", "ua", "kz", "ge", "tr", "es", "it", "nl", "pl", "ch", "at", "be", "ca", "au", "in",
    "jp", "cn", "br", "news", "tv", "me", "ly", "ai", "app", "dev", "html", "htm", "php", "pdf",
    "jpg", "png", "txt", "js", "py", "rs",
];

fn has_domain_suffix(chunk: &str) -> bool {
    let core = chunk.trim_end_matches(|c: char| !c.is_alphanumeric());
    let Some((head, tld)) = core.rsplit_once('.') else {
        return false;
    };
    // Case-sensitive: "moscow.it" is a domain, "Moscow.It" a missing space.
    !head.is_empty() && TLDS.contains(&tld)
}

/// Whether `pos` sits inside a `code span` on its line.
pub(super) fn in_code_span(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..pos].matches('`').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_tokens() {
        let t = "see https://example.com/a.b, mail press@un.org or bbc.co.uk today. End.";
        assert!(in_machine_token(t, t.find("example").unwrap()));
        assert!(in_machine_token(t, t.find("un.org").unwrap()));
        assert!(in_machine_token(t, t.find("co.uk").unwrap()));
        assert!(!in_machine_token(t, t.find("today").unwrap()));
        assert!(!in_machine_token(t, t.find("End").unwrap()));
    }
}
