//! Exact arithmetic helpers. Progress values stay rationals from the objectives up to the
//! strategy; they are rounded once, half up, only to be shown. Floating point never enters.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Rounds half up (12.5 → 13, 0.5 → 1): floor(v + 1/2), computed on integers.
pub fn round_half_up(v: &BigRational) -> BigInt {
    let two = BigInt::from(2);
    let num = v.numer() * &two + v.denom();
    let den = v.denom() * &two;
    num.div_floor(&den)
}

/// The whole percent shown for a progress value, which lies in 0..=100.
pub fn display_percent(v: &BigRational) -> u32 {
    round_half_up(v).to_u32().unwrap_or(0)
}

/// Formats an exact value for a trace: "65", "12.5", or, when the decimal does not end,
/// "80/3 (≈ 26.67)", with a decimal point; a reader's notation is the catalogue's business
/// (`Language::decimal`).
pub fn format_exact(v: &BigRational) -> String {
    if v.is_integer() {
        return v.numer().to_string();
    }
    if let Some(s) = terminating_decimal(v, 4) {
        return s;
    }
    format!("{}/{} (≈ {})", v.numer(), v.denom(), approx(v, 2))
}

/// The exact decimal form when it has at most `max_places` places.
fn terminating_decimal(v: &BigRational, max_places: u32) -> Option<String> {
    let ten = BigInt::from(10);
    let mut scale = BigInt::one();
    for places in 0..=max_places {
        let scaled = v * BigRational::from_integer(scale.clone());
        if scaled.is_integer() {
            return Some(with_point(scaled.to_integer(), places));
        }
        scale *= &ten;
    }
    None
}

/// Rounded half up to `places` decimals, for the "≈" part of a trace.
pub fn approx(v: &BigRational, places: u32) -> String {
    let scale = BigInt::from(10).pow(places);
    let r = round_half_up(&(v * BigRational::from_integer(scale)));
    with_point(r, places)
}

fn with_point(n: BigInt, places: u32) -> String {
    let neg = n.is_negative();
    let digits = n.abs().to_string();
    let places = places as usize;
    let body = if places == 0 {
        digits
    } else {
        let padded = format!("{digits:0>width$}", width = places + 1);
        let (int, frac) = padded.split_at(padded.len() - places);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        }
    };
    if neg { format!("-{body}") } else { body }
}

/// Parses "12", "-3.75", "0,5" (decimal comma) into an exact value. No exponents, no
/// thousands separators: an indicator value is typed by a person.
pub fn parse_decimal(s: &str) -> Option<BigRational> {
    let s = s.trim();
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = match body.find(['.', ',']) {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if body.contains(['.', ',']) && frac.is_empty() {
        return None;
    }
    let digits = format!("{int}{frac}");
    let num: BigInt = if digits.is_empty() {
        BigInt::zero()
    } else {
        digits.parse().ok()?
    };
    let den = BigInt::from(10).pow(frac.len() as u32);
    let v = BigRational::new(num, den);
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn halves_round_up_never_to_even() {
        assert_eq!(round_half_up(&r(25, 2)), 13.into(), "12.5 → 13");
        assert_eq!(round_half_up(&r(1, 2)), 1.into(), "0.5 → 1");
        assert_eq!(round_half_up(&r(5, 2)), 3.into(), "2.5 → 3, not banker's 2");
        assert_eq!(round_half_up(&r(115, 2)), 58.into(), "57.5 → 58");
        assert_eq!(round_half_up(&r(80, 3)), 27.into(), "26.67 → 27");
        assert_eq!(round_half_up(&r(249, 10)), 25.into(), "24.9 → 25");
        assert_eq!(round_half_up(&r(2449, 100)), 24.into(), "24.49 → 24");
        assert_eq!(round_half_up(&r(-1, 2)), 0.into(), "-0.5 → 0");
    }

    #[test]
    fn exact_values_are_written_without_losing_anything() {
        assert_eq!(format_exact(&r(65, 1)), "65");
        assert_eq!(format_exact(&r(25, 2)), "12.5");
        assert_eq!(format_exact(&r(80, 3)), "80/3 (≈ 26.67)");
        assert_eq!(format_exact(&r(1, 40)), "0.025");
    }

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(parse_decimal("12.5"), Some(r(25, 2)));
        assert_eq!(parse_decimal("0,1"), Some(r(1, 10)));
        assert_eq!(parse_decimal("-3"), Some(r(-3, 1)));
        assert_eq!(parse_decimal(".5"), Some(r(1, 2)));
        assert_eq!(parse_decimal("1e3"), None);
        assert_eq!(parse_decimal(""), None);
        assert_eq!(parse_decimal("1."), None);
        assert_eq!(parse_decimal("1.2.3"), None);
    }
}
