//! Connection strings as messages may show them: the password masked.

/// `url` with its password masked, for any message or log line naming the server (a connection string
/// may hold the password): a URL's `user:password@`, a `password=` parameter of a URL or of a
/// `key=value` connection string.
pub fn redact(url: &str) -> String {
    let mut out = url.to_owned();
    if let Some(start) = ["postgres://", "postgresql://"].iter().find_map(|p| url.starts_with(p).then_some(p.len())) {
        // Up to the last `@` of the whole string: a password may hold an unescaped `@`, `/`, `?` or `#`,
        // so no earlier delimiter can be trusted to end it (at worst the host is masked too).
        let head = &url[start..];
        if let Some(at) = head.rfind('@') {
            if let Some(colon) = head[..at].find(':') {
                out = format!("{}:***{}", &url[..start + colon], &url[start + at..]);
            }
        }
    }
    mask_parameter(&out)
}

/// Masks the value of every `password=` key (after `?`, `&` or a space, or at the start).
fn mask_parameter(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = rest.find("password") {
        let key_start = found;
        let after = &rest[found + "password".len()..];
        let boundary = key_start == 0 || rest[..key_start].ends_with(['?', '&', ' ']);
        let value = after.trim_start_matches(' ');
        if !(boundary && value.starts_with('=')) {
            out.push_str(&rest[..found + "password".len()]);
            rest = after;
            continue;
        }
        let value = value[1..].trim_start_matches(' ');
        let end = if let Some(quoted) = value.strip_prefix('\'') {
            // A quoted value of a key=value string may hold spaces and escaped quotes.
            let mut chars = quoted.char_indices();
            let mut close = quoted.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '\'' => {
                        close = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            1 + close
        } else {
            value.find(['&', ' ']).unwrap_or(value.len())
        };
        out.push_str(&rest[..key_start]);
        out.push_str("password=***");
        rest = &value[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_reaches_a_message() {
        let cases = [
            ("postgres://easel:hunter2@db:5432/easel", "postgres://easel:***@db:5432/easel"),
            (
                "postgresql://easel:p%40ss@127.0.0.1/easel?options=-c",
                "postgresql://easel:***@127.0.0.1/easel?options=-c",
            ),
            ("postgres://easel:we@ird/pw@db/easel", "postgres://easel:***@db/easel"),
            (
                "postgres://easel@db/easel?password=hunter2&sslmode=disable",
                "postgres://easel@db/easel?password=***&sslmode=disable",
            ),
            ("host=db user=easel password=hunter2 dbname=easel", "host=db user=easel password=*** dbname=easel"),
            ("host=db password = 'hunter 2\\' x' dbname=easel", "host=db password=*** dbname=easel"),
            ("postgres://db/easel", "postgres://db/easel"),
            ("postgres://easel:hun?ter2@db/easel", "postgres://easel:***@db/easel"),
            (
                "postgres://easel:hunter/2@db:5432/easel?sslmode=disable",
                "postgres://easel:***@db:5432/easel?sslmode=disable",
            ),
            ("postgres://easel:hun#t@er2@db/easel", "postgres://easel:***@db/easel"),
            ("host=db application_name=mypassword", "host=db application_name=mypassword"),
        ];
        for (url, shown) in cases {
            assert_eq!(redact(url), shown, "{url}");
            assert!(!redact(url).contains("hunter"), "{url}");
        }
    }
}
