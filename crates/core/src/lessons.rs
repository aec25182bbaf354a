//! The competences (lessons) the job tools' advice links to, by id: one list,
//! checked against the competence map (`content/domains.toml`).

/// "Créer une adresse e-mail".
pub const EMAIL_CREATE: &str = "email-creer";
/// "À quoi sert une adresse e-mail".
pub const EMAIL_BASICS: &str = "email-a-quoi-ca-sert";
/// "Faire son CV".
pub const CV: &str = "emploi-cv";
/// "Écrire une candidature spontanée".
pub const SPONTANEOUS_APPLICATION: &str = "emploi-candidature-spontanee";
/// "Envoyer sa candidature par e-mail".
pub const APPLICATION_BY_EMAIL: &str = "emploi-candidature-email";

/// Every id above.
pub const ALL: [&str; 5] = [
    EMAIL_CREATE,
    EMAIL_BASICS,
    CV,
    SPONTANEOUS_APPLICATION,
    APPLICATION_BY_EMAIL,
];

#[cfg(test)]
mod tests {
    #[test]
    fn lessons_exist_in_the_competence_map() {
        let domains = include_str!("../../../content/domains.toml");
        for lesson in super::ALL {
            assert!(domains.contains(&format!("\"{lesson}\"")), "{lesson}");
        }
    }
}
