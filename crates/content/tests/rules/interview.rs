//! The interview preparation (content/outils/entretien.md).

use super::*;

pub(super) fn cases() -> Vec<Case> {
    use Line::*;
    vec![
        case(
            "interview question without an id",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("Identifiant : presentez-vous\n", ""),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "no `Identifiant",
        ),
        case(
            "interview id not a slug",
            INTERVIEW_PATH,
            |_| {
                INTERVIEW.replace(
                    "Identifiant : presentez-vous",
                    "Identifiant : Présentez vous",
                )
            },
            INTERVIEW_PATH,
            Of("Identifiant :"),
            "lowercase letters",
        ),
        case(
            "interview question with two tips",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("- Finissez par ce qui vous attire dans ce poste.\n", ""),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "2 tips",
        ),
        case(
            "interview why of three sentences",
            INTERVIEW_PATH,
            |_| {
                INTERVIEW.replace(
                    "Il veut aussi voir si vous parlez clairement.",
                    "Il veut aussi voir si vous parlez clairement. Et plus.",
                )
            },
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "3 sentences",
        ),
        case(
            "interview example too short",
            INTERVIEW_PATH,
            |_| cut(INTERVIEW, "J'ai un CAP", "**À éviter**"),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "words: write 40 to 80",
        ),
        case(
            "interview without a pitfall",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("**À éviter**\n\nÉvitez de raconter toute votre vie.\n", ""),
            INTERVIEW_PATH,
            Of("## Présentez-vous."),
            "is missing",
        ),
        case(
            "interview unknown part",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("**À éviter**", "**Astuce**"),
            INTERVIEW_PATH,
            Of("**Astuce**"),
            "unknown part",
        ),
        case(
            "interview long sentence",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("Évitez de raconter toute votre vie.", &sentence(21)),
            INTERVIEW_PATH,
            Of("Un mot mot"),
            "21 words",
        ),
        case(
            "interview phone number not in the list",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("- Parlez une minute environ.", "- Appelez le 3949 avant."),
            INTERVIEW_PATH,
            Of("3949"),
            "phone number `3949`",
        ),
        case(
            "interview quiz question with two right choices",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("- [ ] Toute ma vie", "- [x] Toute ma vie"),
            INTERVIEW_PATH,
            Of("## [unique] Que dites-vous"),
            "exactly one right",
        ),
        case(
            "interview without sources",
            INTERVIEW_PATH,
            |_| cut(INTERVIEW, "sources = [", "reviewed ="),
            INTERVIEW_PATH,
            Line::Of("reviewed ="),
            "no `sources`",
        ),
        case(
            "interview review after today",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("reviewed = 2026-11-20", "reviewed = 2027-02-01"),
            INTERVIEW_PATH,
            Of("reviewed ="),
            "after today",
        ),
        case(
            "interview unknown section",
            INTERVIEW_PATH,
            |_| INTERVIEW.replace("# Quiz", "# Exercices"),
            INTERVIEW_PATH,
            Of("# Exercices"),
            "unexpected section",
        ),
    ]
}
