//! A number with a fixed count of decimals, written with integers: `{:.2}` on a float links
//! the standard library's exact float formatting (Dragon4 and its tables, about 3 KB of the
//! wasm gzipped) for the few messages that show one.

use std::fmt;

/// `value` rounded to `decimals` places (at most 4), half away from zero, as `{:.N}` writes it
/// for the magnitudes the messages show (probabilities, percentages, megabytes).
pub struct Fixed {
    pub value: f64,
    pub decimals: u32,
}

/// [`Fixed`] for `value` with `decimals` places.
pub fn fixed(value: f64, decimals: u32) -> Fixed {
    Fixed { value, decimals }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.decimals.min(4);
        let scale = 10u64.pow(d);
        let scaled = (self.value.abs() * scale as f64).round() as u64;
        let sign = if self.value < 0.0 && scaled > 0 {
            "-"
        } else {
            ""
        };
        let (whole, frac) = (scaled / scale, scaled % scale);
        if d == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{frac:0width$}", width = d as usize)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn writes_as_the_standard_formatting_does() {
        for &(v, d) in &[
            (0.0, 2),
            (0.5, 2),
            (0.125, 2),
            (0.996, 2),
            (1.0, 0),
            (42.4, 0),
            (12.34, 1),
            (0.05, 1),
            (-0.25, 2),
            (20.0, 0),
            (0.0001, 4),
        ] {
            let ours = fixed(v, d).to_string();
            let std = format!("{v:.*}", d as usize);
            // Ties may round either way in binary; every other value agrees.
            if (v * 10f64.powi(d as i32)).fract().abs() != 0.5 {
                assert_eq!(ours, std, "{v} to {d}");
            }
        }
        assert_eq!(fixed(0.5, 0).to_string(), "1");
        assert_eq!(fixed(-0.001, 2).to_string(), "0.00");
    }
}
