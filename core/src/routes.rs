//! The site's routes, in one place. Paths here are relative to the site's base path; the views
//! prefix the base when they build links.

pub const HOME: &str = "/";
pub const ISSUES: &str = "/issues";
pub const PARTNERS: &str = "/partners";
pub const RESOURCES: &str = "/resources";
pub const ACTIONS: &str = "/act";
/// The accessibility statement.
pub const ACCESSIBILITY: &str = "/accessibility";
/// The snippet generator, for staff who embed the campaign in another website.
pub const EMBED: &str = "/embed";
/// Pages that are prerendered but never hydrated: the site's wasm does not carry them, and links
/// to them are full page loads (`rel="external"`, which the router leaves alone).
pub const STATIC_ONLY: &[&str] = &[EMBED];
/// Where a plain form post (a browser without WebAssembly) lands once the receiver has it.
pub const THANKS: &str = "/thanks";
/// What the service worker shows for a page that was not kept on the device, with no signal.
pub const OFFLINE: &str = "/offline";

pub fn issue(slug: &str) -> String {
    format!("{ISSUES}/{slug}")
}

pub fn action(slug: &str) -> String {
    format!("{ACTIONS}/{slug}")
}

/// A letter's list of signers: a page of its own, so the letter's page stays light.
pub fn signers(slug: &str) -> String {
    format!("{ACTIONS}/{slug}/signers")
}

/// The href of a site path under a base path (without a trailing slash, "" at the root of a
/// domain): `/partners` → `{base}/partners/`, `/issues/x#note-1` → `{base}/issues/x/#note-1`.
/// Every page is a folder on a static host (`partners/index.html`), so its address ends in `/`:
/// hosts answer `/partners` with a redirect to `/partners/`, a round trip a link with it skips.
pub fn href(base: &str, path: &str) -> String {
    let end = path.find(['#', '?']).unwrap_or(path.len());
    let (page, rest) = path.split_at(end);
    let slash = if page.ends_with('/') { "" } else { "/" };
    format!("{base}{page}{slash}{rest}")
}

/// A page of the site, as its path names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    Home,
    Issues,
    Issue(&'a str),
    Partners,
    Resources,
    Actions,
    Action(&'a str),
    /// A letter's list of signers (`signers`).
    Signers(&'a str),
    Thanks,
    Offline,
    Accessibility,
    Embed,
}

impl<'a> Page<'a> {
    /// Which page a site path names, if any. The fragment and query must already be removed;
    /// a trailing slash is accepted. Whether a slug exists is the content's business.
    pub fn parse(path: &'a str) -> Option<Page<'a>> {
        let trimmed = path
            .strip_suffix('/')
            .filter(|p| !p.is_empty())
            .unwrap_or(path);
        let segments: Vec<&str> = trimmed.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => Some(Page::Home),
            ["issues"] => Some(Page::Issues),
            ["issues", slug] if !slug.is_empty() => Some(Page::Issue(slug)),
            ["partners"] => Some(Page::Partners),
            ["resources"] => Some(Page::Resources),
            ["act"] => Some(Page::Actions),
            ["act", slug] if !slug.is_empty() => Some(Page::Action(slug)),
            ["act", slug, "signers"] if !slug.is_empty() => Some(Page::Signers(slug)),
            ["thanks"] => Some(Page::Thanks),
            ["offline"] => Some(Page::Offline),
            ["accessibility"] => Some(Page::Accessibility),
            ["embed"] => Some(Page::Embed),
            _ => None,
        }
    }
}

/// Every page of the site, as site paths: what the prerenderer writes as HTML files.
pub fn all(content: &crate::content::Content) -> Vec<String> {
    let mut paths: Vec<String> = [
        HOME,
        ISSUES,
        PARTNERS,
        RESOURCES,
        ACTIONS,
        THANKS,
        OFFLINE,
        ACCESSIBILITY,
        EMBED,
    ]
    .map(String::from)
    .to_vec();
    paths.extend(
        content
            .issues
            .iter()
            .filter(|i| i.has_page)
            .map(|i| issue(&i.slug)),
    );
    paths.extend(content.actions.iter().map(|a| action(&a.slug)));
    // A kind whose signers may ask to be listed publishes them.
    paths.extend(
        content
            .actions
            .iter()
            .filter(|a| a.kind.fields().contains(&crate::field::Field::ListName))
            .map(|a| signers(&a.slug)),
    );
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route() {
        assert_eq!(Page::parse("/"), Some(Page::Home));
        assert_eq!(Page::parse("/issues"), Some(Page::Issues));
        assert_eq!(Page::parse("/issues/"), Some(Page::Issues));
        assert_eq!(
            Page::parse("/issues/immigration-justice"),
            Some(Page::Issue("immigration-justice"))
        );
        assert_eq!(Page::parse("/partners"), Some(Page::Partners));
        assert_eq!(Page::parse("/resources"), Some(Page::Resources));
        assert_eq!(Page::parse("/act"), Some(Page::Actions));
        assert_eq!(
            Page::parse("/act/guantanamo"),
            Some(Page::Action("guantanamo"))
        );
        assert_eq!(Page::parse("/thanks/"), Some(Page::Thanks));
        assert_eq!(Page::parse("/offline/"), Some(Page::Offline));
        assert_eq!(Page::parse("/embed/"), Some(Page::Embed));
    }

    #[test]
    fn rejects_unknown_paths() {
        assert_eq!(Page::parse("/nope"), None);
        assert_eq!(Page::parse("/issues/a/b"), None);
        assert_eq!(Page::parse("/act//"), None);
    }

    #[test]
    fn hrefs_end_in_a_slash_and_keep_the_base() {
        assert_eq!(href("", "/"), "/");
        assert_eq!(
            href("/campaigns/immigration", "/"),
            "/campaigns/immigration/"
        );
        assert_eq!(href("", "/partners"), "/partners/");
        assert_eq!(href("/c", "/issues/x#note-1"), "/c/issues/x/#note-1");
        assert_eq!(href("", "/act/y/?source=share"), "/act/y/?source=share");
    }

    #[test]
    fn builders_round_trip() {
        assert_eq!(Page::parse(&issue("x")), Some(Page::Issue("x")));
        assert_eq!(Page::parse(&action("y")), Some(Page::Action("y")));
    }
}
