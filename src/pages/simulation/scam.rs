//! "Arnaque ou fiable ?": one message at a time in a replica of the
//! phone's messages app; "Arnaque" or "Fiable", then the clues on the
//! message itself.

use super::clues::{ClueList, Segments};
use super::{FeedbackList, Sim};
use crate::speech::ListenButton;
use declic_core::simulation::scam::{Action as A, Channel, Message, Scam, Verdict};
use declic_core::simulation::{plain, Action, State};
use leptos::prelude::*;

#[component]
pub fn Messages(scenario: Scam, sim: Sim) -> impl IntoView {
    let scenario = StoredValue::new(scenario);
    let act = move |a: A| sim.act(Action::Scam(a));
    move || {
        let State::Scam(st) = sim.state() else {
            return ().into_any();
        };
        let s = scenario.get_value();
        let total = st.order.len();
        let Some(message) = st.current().and_then(|i| s.messages.get(i)).cloned() else {
            // Done: the messages that fooled the learner, to look at again
            // (a list to learn from, never a count).
            let missed = st.missed(&s);
            return (!missed.is_empty())
                .then(|| view! {
                    <section class="step" aria-labelledby="sim-ecran">
                        <h2 id="sim-ecran" tabindex="-1">"Les messages à revoir"</h2>
                        <ul>{missed.into_iter().filter_map(|i| s.messages.get(i)).map(|m| view! {
                            <li><strong>{plain(&m.sender)}</strong>"\u{a0}: "{m.explanation.clone()}</li>
                        }).collect_view()}</ul>
                    </section>
                })
                .into_any();
        };
        let revealed = st.revealed();
        let read = format!("{}. {}", plain(&message.sender), message.plain_text());
        view! {
            <p class="step-count">{format!("Message {} sur {total}", st.position + 1)}</p>
            <h2 id="sim-ecran" tabindex="-1" class="order-heading">{channel_name(message.channel)}</h2>
            {message.context.clone().map(|c| view! { <p class="notice">{c}</p> })}
            <MessageView message=message.clone() revealed=revealed />
            <ListenButton text=read />
            {if revealed {
                view! {
                    <FeedbackList items=sim.feedback() />
                    <ClueList clues=message.clues.clone() />
                    <p><button type="button" class="button primary" on:click=move |_| act(A::Next)>
                        {if st.position + 1 == total { "Terminer" } else { "Message suivant →" }}
                    </button></p>
                }
                .into_any()
            } else {
                view! {
                    <p>"Ce message est-il une arnaque, ou un message fiable\u{a0}?"</p>
                    <div class="actions">
                        <button type="button" class="button answer-scam" on:click=move |_| act(A::Answer(Verdict::Scam))>"Arnaque"</button>
                        <button type="button" class="button answer-genuine" on:click=move |_| act(A::Answer(Verdict::Genuine))>"Fiable"</button>
                    </div>
                }
                .into_any()
            }}
        }
        .into_any()
    }
}

/// The message as the phone shows it, its clues highlighted once revealed.
#[component]
fn MessageView(message: Message, revealed: bool) -> impl IntoView {
    let clues = message.clues.clone();
    let bubble = if message.channel == Channel::Call {
        "bubble transcript"
    } else {
        "bubble"
    };
    view! {
        <article class="replica message" data-message=message.id.clone() aria-label=channel_name(message.channel)>
            <p class="replica-bar">
                <span class="visually-hidden">"De\u{a0}: "</span>
                <strong><Segments segments=message.sender.clone() clues=clues.clone() revealed=revealed /></strong>
                <span class="message-time">{message.time.clone()}</span>
            </p>
            {(!message.subject.is_empty()).then(|| view! {
                <p><span class="visually-hidden">"Objet\u{a0}: "</span>
                <strong><Segments segments=message.subject.clone() clues=clues.clone() revealed=revealed /></strong></p>
            })}
            <p class=bubble>
                <Segments segments=message.text.clone() clues=clues revealed=revealed />
            </p>
        </article>
    }
}

fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "Un SMS",
        Channel::Email => "Un e-mail",
        Channel::Messaging => "Un message sur une messagerie",
        Channel::Call => "Un appel téléphonique, écrit",
    }
}
