//! The colour arithmetic of the contrast check: sRGB colours as the app writes them, WCAG 2.2
//! relative luminance and contrast, and the mix the UI uses for its dark-theme tints.

/// A colour in sRGB.
pub type Rgb = [u8; 3];

/// `#rrggbb` or `#rgb`, as the app reads them.
pub fn parse_colour(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some([
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ]),
        3 => {
            let c: Vec<u8> = hex
                .chars()
                .map(|c| channel(&format!("{c}{c}")))
                .collect::<Option<_>>()?;
            Some([c[0], c[1], c[2]])
        }
        _ => None,
    }
}

/// WCAG 2.2 relative luminance.
fn luminance(rgb: Rgb) -> f64 {
    let linear = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG 2.2 contrast ratio, from 1 to 21.
///
/// ```
/// use tsunagu::town::colour::contrast;
/// assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
/// ```
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `a` moved the fraction `t` of the way to `b`, rounded as the app's CSS colour is.
pub(super) fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let channel =
        |i: usize| (f64::from(a[i]) + (f64::from(b[i]) - f64::from(a[i])) * t).round() as u8;
    [channel(0), channel(1), channel(2)]
}
