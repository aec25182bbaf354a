//! Interview preparation: the common questions of a French job interview,
//! with why employers ask them, tips, a worked example and one pitfall each;
//! a short self-check quiz; and the order of the practice mode.
//!
//! Static data and pure functions only. The tone and facts follow the lesson
//! `content/emploi/emploi-entretien.md` (one-minute introduction, an example
//! for each quality, one or two questions prepared for the end, and so on).
//! Every learner-facing text is plain French (FALC): "vous", short sentences,
//! common words, with a non-breaking space before « : ? ! » and inside « ».

use crate::content::{Choice, Question};

/// One common interview question and how to prepare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewQuestion {
    /// Stable slug (for progress and links).
    pub id: &'static str,
    /// The question as an employer asks it.
    pub question: &'static str,
    /// Why employers ask it: one or two sentences.
    pub why: &'static str,
    /// Three or four short tips.
    pub advice: &'static [&'static str],
    /// A good answer from a young person with little experience
    /// (internship, summer job, volunteering, sports club): 40–80 words.
    pub example: &'static str,
    /// One thing to avoid.
    pub avoid: &'static str,
}

/// How long the practice mode gives to prepare an answer before saying it
/// aloud, in seconds.
///
/// One minute: the lesson asks for a "Présentez-vous" of about
/// one minute, and the same time is enough to recall the tips and pick one
/// example without writing a full script. Much longer would train a habit
/// the real interview does not allow, where one answers within seconds.
pub const PREPARE_SECONDS: u32 = 60;

/// The twelve common questions, in the order a practice session lists them.
pub const QUESTIONS: &[InterviewQuestion] = &[
    InterviewQuestion {
        id: "presentez-vous",
        question: "Présentez-vous.",
        why: "L'employeur veut faire connaissance avec vous. \
              Il veut aussi voir si vous parlez clairement de votre parcours.",
        advice: &[
            "Parlez une minute environ, pas plus.",
            "Dites ce que vous faites aujourd'hui, puis vos expériences.",
            "Finissez par ce qui vous attire dans ce poste.",
            "Entraînez-vous à voix haute avant le jour J.",
        ],
        example: "Je m'appelle Inès, j'ai 19 ans. \
                  J'ai un CAP commerce, obtenu l'an dernier. \
                  Pendant ma formation, j'ai fait un stage de six semaines dans une supérette. \
                  J'ai mis en rayon et tenu la caisse. \
                  L'été dernier, j'ai aussi aidé à la buvette de mon club de foot. \
                  J'aime le contact avec les clients. \
                  C'est pour ça que votre poste de vendeuse m'intéresse.",
        avoid: "Évitez de raconter toute votre vie depuis l'enfance.",
    },
    InterviewQuestion {
        id: "pourquoi-entreprise",
        question: "Pourquoi voulez-vous travailler dans notre entreprise\u{a0}?",
        why: "L'employeur veut voir si vous connaissez l'entreprise. \
              Il cherche quelqu'un qui a vraiment envie de travailler chez lui.",
        advice: &[
            "Avant l'entretien, regardez le site de l'entreprise.",
            "Notez ce qu'elle fait et qui sont ses clients.",
            "Si c'est une boutique, allez la voir avant.",
            "Dites une chose précise qui vous plaît chez elle.",
        ],
        example: "J'ai regardé votre site avant de venir. \
                  J'ai vu que vous vendez surtout des produits de la région. \
                  Je suis aussi passé dans votre magasin samedi. \
                  L'accueil était chaleureux et les rayons bien rangés. \
                  J'aimerais travailler dans une équipe comme la vôtre. \
                  Pendant mon stage en épicerie, j'ai aimé conseiller les clients sur les produits.",
        avoid: "Évitez de parler seulement de l'argent ou du trajet.",
    },
    InterviewQuestion {
        id: "pourquoi-poste",
        question: "Pourquoi voulez-vous ce poste\u{a0}?",
        why: "L'employeur veut savoir si vous avez compris le travail. \
              Il veut aussi voir si ce poste vous motive vraiment.",
        advice: &[
            "Relisez l'offre d'emploi et notez les tâches du poste.",
            "Choisissez une ou deux tâches qui vous plaisent.",
            "Reliez-les à ce que vous avez déjà fait.",
            "Parlez de ce que vous voulez apprendre.",
        ],
        example: "Dans votre offre, j'ai lu que le poste demande d'accueillir les clients \
                  et de préparer les commandes. \
                  J'ai déjà fait ces deux tâches. \
                  Pendant mon job d'été dans une boulangerie, je servais les clients le matin. \
                  L'après-midi, je préparais les commandes pour les restaurants. \
                  J'ai aimé ce rythme. \
                  Je veux continuer dans ce métier et apprendre encore.",
        avoid: "Évitez de dire «\u{a0}Je prends n'importe quel travail\u{a0}».",
    },
    InterviewQuestion {
        id: "qualites",
        question: "Quelles sont vos qualités\u{a0}?",
        why: "L'employeur veut savoir ce que vous apporterez à l'équipe. \
              Il veut aussi voir si vous vous connaissez bien.",
        advice: &[
            "Choisissez deux ou trois qualités utiles pour le poste.",
            "Pour chaque qualité, donnez un exemple vécu.",
            "Pensez à vos stages, à vos jobs, au sport ou au bénévolat.",
        ],
        example: "Je suis ponctuel\u{a0}: pendant mon stage au garage, je n'ai jamais été en retard. \
                  Je suis aussi patient. \
                  Le mercredi, j'entraîne les plus jeunes de mon club de basket. \
                  Il faut parfois répéter les consignes plusieurs fois. \
                  Enfin, j'aime apprendre. \
                  Au garage, j'ai demandé à mon tuteur de me montrer comment changer un pneu. \
                  Après deux semaines, je le faisais seul.",
        avoid: "Évitez une liste de qualités sans aucun exemple.",
    },
    InterviewQuestion {
        id: "defauts",
        question: "Quels sont vos défauts\u{a0}?",
        why: "L'employeur veut voir si vous êtes honnête. \
              Il veut savoir si vous êtes capable de progresser.",
        advice: &[
            "Choisissez un vrai défaut, mais pas grave pour ce poste.",
            "Dites ce que vous faites pour vous améliorer.",
            "Restez court\u{a0}: un ou deux défauts suffisent.",
        ],
        example: "Je suis parfois trop timide avec les personnes que je ne connais pas. \
                  Au début de mon stage à l'accueil d'une mairie, je n'osais pas parler au public. \
                  Ma tutrice m'a conseillé de toujours dire bonjour en premier. \
                  Je l'ai fait chaque jour. \
                  À la fin du stage, je renseignais les gens seule. \
                  Je continue à progresser.",
        avoid: "Évitez de dire «\u{a0}Je n'ai pas de défaut\u{a0}».",
    },
    InterviewQuestion {
        id: "fierte",
        question: "Racontez une expérience dont vous êtes fier ou fière.",
        why: "L'employeur veut découvrir ce qui compte pour vous. \
              Votre exemple montre vos qualités en action.",
        advice: &[
            "Choisissez une histoire vraie\u{a0}: travail, stage, sport ou bénévolat.",
            "Dites la situation, ce que vous avez fait, puis le résultat.",
            "Dites «\u{a0}je\u{a0}» pour montrer votre rôle.",
            "Dites ce que cette expérience vous a appris.",
        ],
        example: "L'an dernier, j'ai fait du bénévolat dans une association d'aide alimentaire. \
                  Un samedi, deux bénévoles étaient absents. \
                  Le responsable m'a demandé d'organiser la distribution avec les autres. \
                  J'ai réparti les tâches et préparé les colis avec l'équipe. \
                  Nous avons servi toutes les familles à l'heure. \
                  Je suis fière de ce jour. \
                  J'ai compris que je savais garder mon calme et m'organiser.",
        avoid: "Évitez d'inventer une histoire\u{a0}: l'employeur peut vous poser d'autres questions.",
    },
    InterviewQuestion {
        id: "client-mecontent",
        question: "Comment réagissez-vous face à un client mécontent\u{a0}?",
        why: "L'employeur veut savoir si vous restez calme quand c'est difficile. \
              Il veut aussi voir si vous pensez au client.",
        advice: &[
            "Écoutez le client jusqu'au bout, sans le couper.",
            "Restez calme et poli, même s'il s'énerve.",
            "Cherchez une solution avec lui.",
            "Si vous ne pouvez pas régler le problème, appelez un responsable.",
        ],
        example: "L'été dernier, j'ai travaillé dans un snack à la plage. \
                  Un client attendait son plat depuis longtemps et il s'est énervé. \
                  Je l'ai écouté sans le couper. \
                  Je me suis excusé pour l'attente. \
                  Ensuite, je suis allé voir en cuisine où en était sa commande. \
                  Je lui ai dit quand il serait servi. \
                  Il s'est calmé et il m'a remercié en partant.",
        avoid: "Évitez de vous énerver ou de dire au client qu'il a tort.",
    },
    InterviewQuestion {
        id: "sans-experience",
        question: "Vous n'avez pas d'expérience\u{a0}: pourquoi vous choisir\u{a0}?",
        why: "L'employeur veut voir si vous croyez en vous. \
              Il cherche de la motivation et l'envie d'apprendre.",
        advice: &[
            "Ne vous excusez pas\u{a0}: tout le monde a commencé un jour.",
            "Parlez de vos stages, de vos projets, du sport ou du bénévolat.",
            "Montrez votre motivation avec un fait précis.",
            "Dites que vous apprenez vite, avec un exemple.",
        ],
        example: "C'est vrai, je n'ai pas encore travaillé en entrepôt. \
                  Mais j'ai fait un stage de trois semaines dans un magasin de sport. \
                  J'ai rangé la réserve et vérifié les livraisons. \
                  Je fais aussi du handball depuis six ans. \
                  Je viens à chaque entraînement, même l'hiver. \
                  Je suis sérieux et j'apprends vite. \
                  Je suis prêt à être formé par votre équipe.",
        avoid: "Évitez de dire «\u{a0}Je n'ai rien fait\u{a0}». \
                Vos expériences hors du travail comptent aussi.",
    },
    InterviewQuestion {
        id: "dans-trois-ans",
        question: "Où vous voyez-vous dans 3 ans\u{a0}?",
        why: "L'employeur veut connaître vos projets. \
              Il veut voir si le poste a du sens pour votre avenir.",
        advice: &[
            "Montrez que vous voulez apprendre et progresser.",
            "Faites un lien avec le poste et l'entreprise.",
            "Restez honnête, sans faire de promesses.",
            "Vous pouvez parler d'une formation que vous aimeriez suivre.",
        ],
        example: "Dans 3 ans, j'aimerais bien connaître mon métier d'employé polyvalent. \
                  Je voudrais savoir tenir la caisse, gérer les stocks et accueillir seul les clients. \
                  Pendant mon stage, j'ai vu des collègues former les nouveaux. \
                  Ça m'a plu. \
                  Plus tard, j'aimerais former les nouveaux à mon tour. \
                  Si c'est possible, je voudrais suivre une formation pour progresser.",
        avoid: "Évitez de dire que vous voulez quitter le poste très vite.",
    },
    InterviewQuestion {
        id: "disponibilites",
        question: "Quelles sont vos disponibilités\u{a0}?",
        why: "L'employeur doit organiser le planning de l'équipe. \
              Il veut savoir quand vous pouvez commencer et quels jours vous pouvez travailler.",
        advice: &[
            "Avant l'entretien, regardez vos horaires possibles et vos trajets.",
            "Dites à partir de quand vous pouvez commencer.",
            "Parlez de vos contraintes avec honnêteté, par exemple une formation.",
            "Montrez que vous pouvez vous adapter quand c'est possible.",
        ],
        example: "Je peux commencer dès le début du mois prochain. \
                  Je suis disponible du lundi au samedi, le matin comme l'après-midi. \
                  Le jeudi soir, j'ai entraînement de foot, mais je peux m'arranger si besoin. \
                  J'habite à vingt minutes en bus. \
                  J'ai vérifié les horaires\u{a0}: il y a un bus tôt le matin. \
                  Je peux donc venir pour l'ouverture.",
        avoid: "Évitez de promettre des horaires que vous ne pourrez pas tenir.",
    },
    InterviewQuestion {
        id: "travail-equipe",
        question: "Pouvez-vous donner un exemple de travail en équipe\u{a0}?",
        why: "Dans beaucoup de métiers, on travaille avec d'autres personnes. \
              L'employeur veut savoir comment vous trouvez votre place dans un groupe.",
        advice: &[
            "Choisissez un exemple précis\u{a0}: stage, job, sport ou association.",
            "Dites quel était votre rôle dans le groupe.",
            "Racontez comment vous avez aidé les autres.",
            "Finissez par le résultat obtenu ensemble.",
        ],
        example: "Je joue au volley dans un club depuis quatre ans. \
                  L'an dernier, le club a organisé un tournoi pour les enfants. \
                  Avec trois autres joueurs, nous avons préparé le terrain et les goûters. \
                  Moi, je m'occupais aussi des inscriptions. \
                  Quand un bénévole est tombé malade, j'ai pris sa place à l'arbitrage. \
                  Grâce à l'équipe, le tournoi s'est bien passé. \
                  Tout le monde était content.",
        avoid: "Évitez de parler seulement de vous, sans parler du groupe.",
    },
    InterviewQuestion {
        id: "vos-questions",
        question: "Avez-vous des questions\u{a0}?",
        why: "C'est souvent la dernière question de l'entretien. \
              Votre réponse montre si le poste vous intéresse vraiment.",
        advice: &[
            "Préparez une ou deux questions avant l'entretien.",
            "Posez une question sur le travail, par exemple sur une journée type.",
            "Vous pouvez demander quand vous aurez une réponse.",
            "Finissez en remerciant la personne pour son temps.",
        ],
        example: "Oui, j'ai deux questions. \
                  Comment se passe une journée de travail dans votre magasin\u{a0}? \
                  Pendant mon stage, j'ai aimé savoir à l'avance ce qu'on attendait de moi. \
                  Ensuite, quand aurez-vous une réponse\u{a0}? \
                  Je suis très motivé par ce poste et j'aimerais m'organiser. \
                  Merci beaucoup pour votre temps et pour cet échange.",
        avoid: "Évitez de répondre «\u{a0}Non, rien\u{a0}». \
                Cela peut donner l'impression que le poste ne vous intéresse pas.",
    },
];

/// A short quiz to check what the learner retained from the interview
/// preparation: one question of each type at least, every choice explained.
pub fn self_check_quiz() -> Vec<Question> {
    vec![
        Question::Single {
            prompt: "On vous demande\u{a0}: «\u{a0}Quels sont vos défauts\u{a0}?\u{a0}» \
                     Que répondez-vous\u{a0}?"
                .into(),
            choices: vec![
                choice(
                    "Un vrai défaut, et ce que je fais pour progresser.",
                    true,
                    "Oui. Vous montrez que vous êtes honnête et que vous savez progresser.",
                ),
                choice(
                    "«\u{a0}Je n'ai aucun défaut.\u{a0}»",
                    false,
                    "Non. Personne n'est parfait. L'employeur veut voir si vous vous connaissez.",
                ),
                choice(
                    "Tous mes défauts, un par un.",
                    false,
                    "Non. C'est trop long. Un ou deux défauts suffisent, avec vos progrès.",
                ),
            ],
        },
        Question::Multiple {
            prompt: "Vous n'avez jamais travaillé. De quoi pouvez-vous parler en entretien\u{a0}?"
                .into(),
            choices: vec![
                choice(
                    "D'un stage fait pendant ma formation",
                    true,
                    "Oui. Un stage est une vraie expérience de travail.",
                ),
                choice(
                    "De mon bénévolat dans une association",
                    true,
                    "Oui. Le bénévolat montre votre sérieux et votre envie d'aider.",
                ),
                choice(
                    "De mon rôle dans mon club de sport",
                    true,
                    "Oui. Le sport montre l'esprit d'équipe et la régularité.",
                ),
                choice(
                    "De rien\u{a0}: je m'excuse de ne pas avoir d'expérience",
                    false,
                    "Non. Ne vous excusez pas. Tout le monde a commencé un jour.",
                ),
            ],
        },
        Question::TrueFalse {
            prompt: "Pour parler de vos qualités, un exemple vécu rend votre réponse plus forte."
                .into(),
            choices: vec![
                choice(
                    "Vrai",
                    true,
                    "Oui. L'exemple prouve ce que vous dites.",
                ),
                choice(
                    "Faux",
                    false,
                    "Si. Un exemple montre que votre qualité est réelle.",
                ),
            ],
        },
        Question::Single {
            prompt: "Un client mécontent s'énerve contre vous. Que faites-vous\u{a0}?".into(),
            choices: vec![
                choice(
                    "Je l'écoute, je reste calme et je cherche une solution.",
                    true,
                    "Oui. Le client se sent écouté. Si besoin, appelez un responsable.",
                ),
                choice(
                    "Je lui dis qu'il a tort.",
                    false,
                    "Non. Il risque de s'énerver encore plus. Écoutez-le d'abord.",
                ),
                choice(
                    "Je pars sans rien dire.",
                    false,
                    "Non. Le client reste sans réponse. Écoutez-le, ou appelez un responsable.",
                ),
            ],
        },
        Question::Order {
            prompt: "Remettez les étapes de l'entretien dans l'ordre.".into(),
            steps: vec![
                "Vérifier l'adresse et le trajet la veille.".into(),
                "Arriver quelques minutes en avance.".into(),
                "Dire bonjour et sourire.".into(),
                "Répondre aux questions de l'employeur.".into(),
                "Poser une question à la fin.".into(),
                "Remercier et dire au revoir.".into(),
            ],
            explanation: "On prépare le trajet la veille. On arrive en avance et on salue. \
                          On répond, puis on finit par une question et un merci."
                .into(),
        },
        Question::TrueFalse {
            prompt: "À la question «\u{a0}Avez-vous des questions\u{a0}?\u{a0}», \
                     il vaut mieux répondre «\u{a0}Non\u{a0}»."
                .into(),
            choices: vec![
                choice(
                    "Vrai",
                    false,
                    "Non. Une question montre que le poste vous intéresse. Préparez-en une ou deux.",
                ),
                choice(
                    "Faux",
                    true,
                    "Oui. Posez une question, par exemple sur une journée de travail.",
                ),
            ],
        },
    ]
}

fn choice(label: &str, correct: bool, explanation: &str) -> Choice {
    Choice {
        label: label.into(),
        correct,
        explanation: explanation.into(),
    }
}

/// The order in which the practice mode asks the [`QUESTIONS`]: indices
/// into it, shuffled deterministically from `seed` (same seed, same order,
/// so a reload keeps the session as it was).
pub fn practice_order(seed: u64) -> Vec<usize> {
    crate::quiz::shuffled_order(QUESTIONS.len(), seed)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::content::QuestionKind;
    use crate::quiz::{check, Answer};

    use crate::plain_french::assert_plain as assert_falc;
    use crate::text::{is_slug, sentences, word_count as words};

    /// Every learner-facing text of the quiz, with a name for messages.
    fn quiz_texts(quiz: &[Question]) -> Vec<(String, String)> {
        let mut texts = Vec::new();
        for (q, question) in quiz.iter().enumerate() {
            texts.push((format!("quiz {q} prompt"), question.prompt().to_string()));
            match question {
                Question::Single { choices, .. }
                | Question::Multiple { choices, .. }
                | Question::TrueFalse { choices, .. } => {
                    for (c, choice) in choices.iter().enumerate() {
                        texts.push((format!("quiz {q} choice {c}"), choice.label.clone()));
                        texts.push((
                            format!("quiz {q} explanation {c}"),
                            choice.explanation.clone(),
                        ));
                    }
                }
                Question::Order {
                    steps, explanation, ..
                } => {
                    for (s, step) in steps.iter().enumerate() {
                        texts.push((format!("quiz {q} step {s}"), step.clone()));
                    }
                    texts.push((format!("quiz {q} explanation"), explanation.clone()));
                }
            }
        }
        texts
    }

    #[test]
    fn there_are_twelve_questions_with_unique_slug_ids() {
        assert_eq!(QUESTIONS.len(), 12);
        let mut seen = HashSet::new();
        for q in QUESTIONS {
            assert!(is_slug(q.id), "{:?} is not a slug", q.id);
            assert!(seen.insert(q.id), "{:?} is used twice", q.id);
        }
    }

    #[test]
    fn every_question_text_is_plain_french() {
        for q in QUESTIONS {
            assert_falc(q.id, q.question);
            assert_falc(q.id, q.why);
            assert_falc(q.id, q.example);
            assert_falc(q.id, q.avoid);
            for tip in q.advice {
                assert_falc(q.id, tip);
            }
        }
    }

    #[test]
    fn why_is_one_or_two_sentences() {
        for q in QUESTIONS {
            let n = sentences(q.why).count();
            assert!((1..=2).contains(&n), "{}: {n} sentences", q.id);
        }
    }

    #[test]
    fn each_question_has_three_or_four_tips() {
        for q in QUESTIONS {
            assert!(
                (3..=4).contains(&q.advice.len()),
                "{}: {} tips",
                q.id,
                q.advice.len()
            );
        }
    }

    #[test]
    fn examples_are_forty_to_eighty_words() {
        for q in QUESTIONS {
            let n = words(q.example);
            assert!((40..=80).contains(&n), "{}: {n} words", q.id);
        }
    }

    #[test]
    fn the_quiz_mixes_every_question_type() {
        let quiz = self_check_quiz();
        assert_eq!(quiz.len(), 6);
        let kinds: HashSet<QuestionKind> = quiz.iter().map(Question::kind).collect();
        for kind in QuestionKind::ALL {
            assert!(kinds.contains(&kind), "no {kind:?} question");
        }
    }

    #[test]
    fn every_quiz_text_is_plain_french() {
        for (what, text) in quiz_texts(&self_check_quiz()) {
            assert_falc(&what, &text);
        }
    }

    #[test]
    fn the_quiz_offers_no_dont_know_choice() {
        for (what, text) in quiz_texts(&self_check_quiz()) {
            assert!(
                !text.to_lowercase().contains("je ne sais pas"),
                "{what}: {text:?}"
            );
        }
    }

    #[test]
    fn the_right_answers_pass_the_quiz() {
        for (q, question) in self_check_quiz().iter().enumerate() {
            let answer = match question {
                Question::Single { choices, .. } | Question::TrueFalse { choices, .. } => {
                    let right: Vec<usize> =
                        (0..choices.len()).filter(|&i| choices[i].correct).collect();
                    assert_eq!(right.len(), 1, "quiz {q}: exactly one right choice");
                    assert!(choices.len() >= 2, "quiz {q}: at least two choices");
                    Answer::Choice(right[0])
                }
                Question::Multiple { choices, .. } => {
                    let right: Vec<usize> =
                        (0..choices.len()).filter(|&i| choices[i].correct).collect();
                    assert!(!right.is_empty(), "quiz {q}: no right choice");
                    assert!(right.len() < choices.len(), "quiz {q}: no wrong choice");
                    Answer::Choices(right)
                }
                Question::Order { steps, .. } => {
                    assert!(steps.len() >= 3, "quiz {q}: fewer than three steps");
                    Answer::Order((0..steps.len()).collect())
                }
            };
            let verdict = check(question, &answer).unwrap_or_else(|e| panic!("quiz {q}: {e}"));
            assert!(verdict.correct, "quiz {q}: the right answer is refused");
            assert!(
                !check(question, &Answer::DontKnow).unwrap().correct,
                "quiz {q}"
            );
        }
    }

    #[test]
    fn true_false_choices_are_vrai_then_faux() {
        for question in self_check_quiz() {
            if let Question::TrueFalse { choices, .. } = question {
                let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
                assert_eq!(labels, ["Vrai", "Faux"]);
            }
        }
    }

    #[test]
    fn a_wrong_order_is_refused() {
        let quiz = self_check_quiz();
        let (steps, question) = quiz
            .iter()
            .find_map(|q| match q {
                Question::Order { steps, .. } => Some((steps.len(), q)),
                _ => None,
            })
            .expect("an order question");
        let reversed = (0..steps).rev().collect();
        assert!(!check(question, &Answer::Order(reversed)).unwrap().correct);
    }

    #[test]
    fn practice_order_is_a_deterministic_permutation() {
        let all: Vec<usize> = (0..QUESTIONS.len()).collect();
        for seed in [0, 1, 7, 42, u64::MAX] {
            let order = practice_order(seed);
            assert_eq!(order, practice_order(seed), "seed {seed}");
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, all, "seed {seed}");
        }
        let distinct: HashSet<Vec<usize>> = (0..10).map(practice_order).collect();
        assert!(distinct.len() > 1, "the seed changes the order");
    }
}
