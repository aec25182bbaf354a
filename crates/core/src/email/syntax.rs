//! The syntax of an e-mail address: what makes it an address at all.

/// Why an address is not valid. Stricter than the RFC on purpose: it
/// accepts what real providers give out (letters, digits, ". _ - +") and
/// catches learners' usual slips (a space, an accent, a comma, no "@").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailError {
    Space,
    MissingAt,
    SeveralAt,
    /// Nothing before the "@".
    EmptyLocalPart,
    /// Nothing after the "@".
    MissingDomain,
    /// The part after "@" has no dot ("@gmail").
    DomainWithoutDot,
    /// A dot at the start or end of a part, or two dots in a row.
    MisplacedDot,
    /// A sign an address cannot have: an accent, a comma…
    ForbiddenCharacter(char),
    /// The part after "@" is not a real domain (a dash at a label's edge,
    /// an ending that is not at least two letters).
    BadDomain,
    /// The ending after the last dot is not a real top-level domain
    /// ("@entreprise.xyzq"), and no common ending is one typo away.
    UnknownEnding,
    TooLong,
}

impl EmailError {
    /// What to tell the learner, in plain French.
    pub fn message(self) -> String {
        match self {
            EmailError::Space => "Une adresse e-mail n'a jamais d'espace.".into(),
            EmailError::MissingAt => "Il manque le signe @ (arobase).".into(),
            EmailError::SeveralAt => "Il y a plusieurs signes @. Une adresse en a un seul.".into(),
            EmailError::EmptyLocalPart => {
                "Il manque le début de l'adresse, avant le signe @.".into()
            }
            EmailError::MissingDomain => "Il manque la fin de l'adresse, après le signe @.".into(),
            EmailError::DomainWithoutDot => {
                "La fin de l'adresse a besoin d'un point, par exemple gmail.com.".into()
            }
            EmailError::MisplacedDot => {
                "Un point est mal placé\u{a0}: au début, à la fin, ou deux points de suite.".into()
            }
            EmailError::ForbiddenCharacter(',') => {
                "Une adresse n'a pas de virgule. Mettez plutôt un point.".into()
            }
            EmailError::ForbiddenCharacter(c) if c.is_alphabetic() => {
                format!("La lettre «\u{a0}{c}\u{a0}» a un accent. Une adresse e-mail s'écrit sans accent.")
            }
            EmailError::ForbiddenCharacter(c) => {
                format!("Le signe «\u{a0}{c}\u{a0}» n'est pas accepté dans une adresse e-mail.")
            }
            EmailError::BadDomain => {
                "La fin de l'adresse n'est pas correcte. Par exemple\u{a0}: gmail.com ou orange.fr."
                    .into()
            }
            EmailError::UnknownEnding => {
                "La fin de l'adresse, après le dernier point, n'existe pas. \
                 Par exemple\u{a0}: fr ou com."
                    .into()
            }
            EmailError::TooLong => "Cette adresse est trop longue.".into(),
        }
    }
}

/// The syntax rules; returns the parts before and after "@".
pub(super) fn split(s: &str) -> Result<(&str, &str), EmailError> {
    if s.chars().any(char::is_whitespace) {
        return Err(EmailError::Space);
    }
    let (local, domain) = s.split_once('@').ok_or(EmailError::MissingAt)?;
    if domain.contains('@') {
        return Err(EmailError::SeveralAt);
    }
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    if domain.is_empty() {
        return Err(EmailError::MissingDomain);
    }
    let local_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    if let Some(c) = local.chars().find(|&c| !local_ok(c)) {
        return Err(EmailError::ForbiddenCharacter(c));
    }
    let domain_ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-');
    if let Some(c) = domain.chars().find(|&c| !domain_ok(c)) {
        return Err(EmailError::ForbiddenCharacter(c));
    }
    if s.len() > 254 || local.len() > 64 {
        return Err(EmailError::TooLong);
    }
    let bad_dots = |part: &str| part.starts_with('.') || part.ends_with('.') || part.contains("..");
    if bad_dots(local) {
        return Err(EmailError::MisplacedDot);
    }
    if !domain.contains('.') {
        return Err(EmailError::DomainWithoutDot);
    }
    if bad_dots(domain) {
        return Err(EmailError::MisplacedDot);
    }
    let labels_ok = domain
        .split('.')
        .all(|label| !label.starts_with('-') && !label.ends_with('-'));
    let tld = domain.rsplit('.').next().unwrap_or("");
    if !labels_ok || tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(EmailError::BadDomain);
    }
    Ok((local, domain))
}
