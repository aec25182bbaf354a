//! A QR code drawn as inline SVG from the core's [`Qr`] (one path, no
//! image, no script): the backup card's restore link, a group poster's
//! join link. Black modules on white, edges kept crisp for the readers.

use declic_core::qr::Qr;
use leptos::prelude::*;

/// The code as an image named by the element `labelled_by` (its caption).
#[component]
pub fn QrImage(qr: Qr, labelled_by: &'static str) -> impl IntoView {
    let view_box = qr.view_box();
    view! {
        <svg class="qr" viewBox=view_box role="img" aria-labelledby=labelled_by
            shape-rendering="crispEdges">
            <path d=qr.path fill="#000" />
        </svg>
    }
}
