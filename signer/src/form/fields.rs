//! What is typed into a form: reading it, re-checking a field marked wrong as it is typed again,
//! the postal code's label and keyboard following the country, filling the form in from a link,
//! and emptying it for the next person.

use super::Form;
use campaign_core::contract::Part;
use campaign_core::countries::postal_field;
use campaign_core::field::{self, Field, DEFAULT_COUNTRY};
use campaign_core::petition::form_state::{Event, Said};
use campaign_core::petition::validate::Draft;
use wasm_bindgen::JsCast;

impl Form {
    /// Whether anything in the form differs from how it started: something typed, another
    /// country chosen, the box ticked.
    pub(super) fn touched(&self) -> bool {
        let ticked = self
            .el::<web_sys::HtmlInputElement>(Part::OptIn)
            .is_some_and(|b| b.checked() != b.default_checked());
        ticked || self.kind.fields().iter().any(|f| self.changed(*f))
    }

    /// A field's control on the page, as the kind of element it is. The one place that says
    /// which element each control is (`Field::control`, matched whole): a new control does not
    /// compile until it says how it is read and written, rather than reading as empty.
    fn control(&self, f: Field) -> Option<Control> {
        let part = Part::Input(f);
        match f.control() {
            field::Control::Input { .. } => self.el(part).map(Control::Text),
            field::Control::Countries | field::Control::Titles | field::Control::Places => {
                self.el(part).map(Control::Choice)
            }
            field::Control::Tick => self.el(part).map(Control::Tick),
        }
    }

    /// Whether a field holds other than what the form started with.
    fn changed(&self, f: Field) -> bool {
        match self.control(f) {
            Some(Control::Text(i)) => i.value() != i.default_value(),
            Some(Control::Choice(s)) => !chosen(&s).is_some_and(|o| o.default_selected()),
            Some(Control::Tick(b)) => b.checked() != b.default_checked(),
            None => false,
        }
    }

    /// A field's value as typed (or chosen).
    fn value(&self, f: Field) -> String {
        match self.control(f) {
            Some(Control::Text(i)) => i.value(),
            Some(Control::Choice(s)) => s.value(),
            Some(Control::Tick(b)) => if b.checked() { "yes" } else { "" }.to_string(),
            None => String::new(),
        }
    }

    /// What is typed in the fields this form asks for, and the consent box.
    pub(super) fn draft(&self) -> Draft {
        let mut d = Draft {
            country: DEFAULT_COUNTRY.into(),
            ..Default::default()
        };
        for f in self.kind.fields() {
            d.set(*f, self.value(*f));
        }
        d.email_opt_in = self
            .el::<web_sys::HtmlInputElement>(Part::OptIn)
            .is_some_and(|c| c.checked());
        d
    }

    /// Live validation of the fields already marked wrong, and the postal code following the
    /// country.
    pub(super) fn input(&self, ev: web_sys::Event) {
        // By its id: in event mode, its name is a fresh one for each person.
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|e| e.id());
        let field = Field::ALL
            .into_iter()
            .find(|f| id.as_deref() == Some(self.id(Part::Input(*f)).as_str()));
        let Some(field) = field else { return };
        if field == Field::Country {
            self.country_changed();
            self.recheck(Field::PostalCode);
        }
        self.recheck(field);
    }

    /// Re-checks a field, if it is marked wrong.
    fn recheck(&self, field: Field) {
        if !self
            .state
            .borrow()
            .problems()
            .iter()
            .any(|p| p.field() == field)
        {
            return;
        }
        let now = self.draft().check(field, self.kind);
        self.on(Event::Rechecked(field, now));
    }

    /// Fills the empty fields from the link the visitor came by (`crate::prefill`); the country
    /// only while it is still the one the form started with. Never the consent box.
    pub(super) fn prefill(&self) {
        let Some(d) = crate::prefill::draft() else {
            return;
        };
        for f in self.kind.fields() {
            let v = d.get(*f);
            if v.is_empty() {
                continue;
            }
            match self.control(*f) {
                Some(Control::Text(i)) if i.value().is_empty() => i.set_value(v),
                Some(Control::Choice(s)) if chosen(&s).is_some_and(|o| o.default_selected()) => {
                    s.set_value(v)
                }
                _ => {}
            }
        }
    }

    /// The postal code's label and keyboard follow the country.
    pub(super) fn country_changed(&self) {
        if self
            .el::<web_sys::Element>(Part::Input(Field::Country))
            .is_none()
        {
            return;
        }
        let (label, inputmode) = postal_field(&self.value(Field::Country), self.words);
        let (label_id, input_id) = (
            self.id(Part::Label(Field::PostalCode)),
            self.id(Part::Input(Field::PostalCode)),
        );
        self.scope.set_text(&label_id, label);
        self.scope.set_attr(&input_id, "inputmode", inputmode);
    }

    /// An empty form, for another person (`forgotten`: after the visitor had this device forget
    /// their signature): what was typed goes, and the status line says why.
    pub(super) fn afresh(&self, forgotten: bool) {
        if let Some(form) = self.el::<web_sys::HtmlFormElement>(Part::Form) {
            form.reset();
        }
        self.country_changed();
        let said = if forgotten {
            Said::Forgotten
        } else {
            Said::Nothing
        };
        self.on(Event::Afresh { said });
    }
}

/// The element a field is typed or chosen in (see `Form::control`).
enum Control {
    /// A one-line input: its value is what was typed.
    Text(web_sys::HtmlInputElement),
    /// A list: its value is the chosen entry's.
    Choice(web_sys::HtmlSelectElement),
    /// A box: `yes` when ticked, empty when not (its `value` attribute says nothing of that).
    /// A link never ticks it.
    Tick(web_sys::HtmlInputElement),
}

/// A list's chosen entry.
fn chosen(s: &web_sys::HtmlSelectElement) -> Option<web_sys::HtmlOptionElement> {
    s.selected_options().item(0)?.dyn_into().ok()
}
