//! A small strict JSON decoder for the data files, used by the widget and the validator alike (so
//! they can never disagree), in place of serde (a seventh of the wasm). It reads straight into the
//! model's types, in document order, with serde_json's grammar and wording: the same syntax errors
//! at the same line and column, and for JSON of the wrong shape the JSON path of the value and
//! serde's message (`invalid type: string "2020", expected u16`, `unknown field`, `missing field`,
//! `duplicate field`, `unknown variant`). Where serde_json was lax it is strict: text after the
//! value, a struct written as an array, an enum written as a map or a number are errors.

/// Why a text could not be decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Not JSON, or cut short: serde_json's message and the byte offset it points at.
    Syntax { at: usize, message: &'static str },
    /// JSON of the wrong shape: where (innermost segment first, while the error travels up) and what.
    Shape { path: Vec<Segment>, message: String },
}

/// One step of a JSON path: a field of an object or an index into an array.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

impl Error {
    fn shape(message: String) -> Error {
        Error::Shape {
            path: Vec::new(),
            message,
        }
    }

    /// The error as seen from the value that contains the one it happened in.
    fn within(mut self, segment: Segment) -> Error {
        if let Error::Shape { path, .. } = &mut self {
            path.push(segment);
        }
        self
    }
}

/// A JSON path as serde_path_to_error writes it: `indicators[0].values[1].year`, `.` for the root.
pub fn path_string(path: &[Segment]) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let mut out = String::new();
    for segment in path.iter().rev() {
        match segment {
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// serde_json's line (from 1) and column (bytes since the line's start) of a byte offset.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let start_of_line = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before[..start_of_line]
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    (line, before.len() - start_of_line)
}

/// A type the decoder can read.
pub trait Decode: Sized {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error>;
}

/// Decodes a whole text: one value of type `T` and nothing after it but whitespace.
pub fn decode<T: Decode>(text: &str) -> Result<T, Error> {
    let mut p = Parser {
        src: text.as_bytes(),
        pos: 0,
    };
    let value = T::decode(&mut p)?;
    match p.whitespace() {
        None => Ok(value),
        Some(_) => Err(p.peek_error(TRAILING_CHARACTERS)),
    }
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const EXPECTED_COLON: &str = "expected `:`";
const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const EXPECTED_IDENT: &str = "expected ident";
const EXPECTED_VALUE: &str = "expected value";
const INVALID_ESCAPE: &str = "invalid escape";
const INVALID_NUMBER: &str = "invalid number";
const NUMBER_OUT_OF_RANGE: &str = "number out of range";
const CONTROL_CHARACTER: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_MUST_BE_A_STRING: &str = "key must be a string";
const LONE_LEADING_SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";

/// A number as serde_json's parser classifies it before a type takes it.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

/// serde's words for a number where another type was expected: `integer `70000``, or for a float
/// `floating point `2020.0`` as written (serde_json rewrites it in its shortest form, which would
/// take a float formatter into the wasm).
fn found_number(number: &Number, text: &str) -> String {
    match number {
        Number::Unsigned(n) => format!("integer `{n}`"),
        Number::Signed(n) => format!("integer `{n}`"),
        Number::Float(_) => format!("floating point `{text}`"),
    }
}

/// A cursor over the text; every method reads one value where it stands.
pub struct Parser<'a> {
    src: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// An error at the last byte read (serde_json's `error`).
    fn error(&self, message: &'static str) -> Error {
        Error::Syntax {
            at: self.pos,
            message,
        }
    }

    /// An error at the byte about to be read (serde_json's `peek_error`).
    fn peek_error(&self, message: &'static str) -> Error {
        Error::Syntax {
            at: (self.pos + 1).min(self.src.len()),
            message,
        }
    }

    /// Skips whitespace; the next byte, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.pos += 1;
        }
        self.peek()
    }

    /// The first byte of the next value, not consumed.
    fn value_start(&mut self) -> Result<u8, Error> {
        self.whitespace().ok_or_else(|| self.peek_error(EOF_VALUE))
    }

    fn ident(&mut self, rest: &[u8]) -> Result<(), Error> {
        for &expected in rest {
            match self.peek() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) => {
                    self.pos += 1;
                    if b != expected {
                        return Err(self.error(EXPECTED_IDENT));
                    }
                }
            }
        }
        Ok(())
    }

    /// What stands here when it is not what `expected` wants: serde's `invalid type: …` (or the
    /// syntax error that stops it from saying what it found).
    fn invalid_type(&mut self, expected: &str) -> Error {
        let found = match self.peek().unwrap_or(0) {
            b'n' => {
                self.pos += 1;
                if let Err(e) = self.ident(b"ull") {
                    return e;
                }
                "null".to_string()
            }
            b't' => {
                self.pos += 1;
                if let Err(e) = self.ident(b"rue") {
                    return e;
                }
                "boolean `true`".to_string()
            }
            b'f' => {
                self.pos += 1;
                if let Err(e) = self.ident(b"alse") {
                    return e;
                }
                "boolean `false`".to_string()
            }
            b'-' | b'0'..=b'9' => match self.number() {
                Ok((n, text)) => found_number(&n, text),
                Err(e) => return e,
            },
            b'"' => {
                self.pos += 1;
                match self.string_body() {
                    Ok(s) => format!("string {s:?}"),
                    Err(e) => return e,
                }
            }
            b'[' => "sequence".to_string(),
            b'{' => "map".to_string(),
            _ => return self.peek_error(EXPECTED_VALUE),
        };
        Error::shape(format!("invalid type: {found}, expected {expected}"))
    }

    /// A number at a `-` or a digit, with serde_json's grammar, errors and arithmetic (so the same
    /// text gives the same bits), and the text as written.
    fn number(&mut self) -> Result<(Number, &'a str), Error> {
        let start = self.pos;
        let number = self.number_value()?;
        // The number's bytes are ASCII digits, signs, `.` and `e`.
        let text = std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("");
        Ok((number, text))
    }

    fn digit(&self) -> Option<u64> {
        match self.peek() {
            Some(c @ b'0'..=b'9') => Some(u64::from(c - b'0')),
            _ => None,
        }
    }

    fn number_value(&mut self) -> Result<Number, Error> {
        let positive = self.peek() != Some(b'-');
        if !positive {
            self.pos += 1;
        }
        let mut significand = 0u64;
        // Digits left out of `significand` once it is full, as a power of ten.
        let mut exponent = 0i32;
        let mut float = false;
        match self.peek() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                self.pos += 1;
                if self.digit().is_some() {
                    return Err(self.peek_error(INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(d) = self.digit() {
                    self.pos += 1;
                    match significand.checked_mul(10).and_then(|s| s.checked_add(d)) {
                        Some(s) if !float => significand = s,
                        _ => {
                            float = true;
                            exponent = exponent.saturating_add(1);
                        }
                    }
                }
            }
            Some(_) => {
                self.pos += 1;
                return Err(self.error(INVALID_NUMBER));
            }
        }
        if self.peek() == Some(b'.') {
            float = true;
            self.pos += 1;
            let mut digits = 0;
            while let Some(d) = self.digit() {
                match significand.checked_mul(10).and_then(|s| s.checked_add(d)) {
                    Some(s) => {
                        self.pos += 1;
                        significand = s;
                        exponent -= 1;
                        digits += 1;
                    }
                    None => {
                        // Full: the remaining digits are dropped.
                        while self.digit().is_some() {
                            self.pos += 1;
                        }
                        digits += 1;
                    }
                }
            }
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(INVALID_NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            float = true;
            self.pos += 1;
            let positive_exp = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    false
                }
                Some(b'+') => {
                    self.pos += 1;
                    true
                }
                _ => true,
            };
            let mut exp = match self.peek() {
                None => return Err(self.error(EOF_VALUE)),
                Some(c) => {
                    self.pos += 1;
                    match c {
                        b'0'..=b'9' => i32::from(c - b'0'),
                        _ => return Err(self.error(INVALID_NUMBER)),
                    }
                }
            };
            while let Some(d) = self.digit() {
                self.pos += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(d as i32)) {
                    Some(e) => exp = e,
                    None if significand != 0 && positive_exp => {
                        return Err(self.error(NUMBER_OUT_OF_RANGE))
                    }
                    None => {
                        while self.digit().is_some() {
                            self.pos += 1;
                        }
                        return Ok(Number::Float(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
            exponent = if positive_exp {
                exponent.saturating_add(exp)
            } else {
                exponent.saturating_sub(exp)
            };
        }
        if float {
            let x = self.float(significand, exponent)?;
            return Ok(Number::Float(if positive { x } else { -x }));
        }
        Ok(if positive {
            Number::Unsigned(significand)
        } else {
            match (significand as i64).wrapping_neg() {
                // `-0`, and a negative number below i64's range, are floats to serde_json.
                n if n >= 0 => Number::Float(-(significand as f64)),
                n => Number::Signed(n),
            }
        })
    }

    /// `significand × 10^exponent` as serde_json computes it (without its `float_roundtrip`
    /// feature): exact for up to 15 digits and powers up to 10^22, the data's numbers.
    fn float(&self, significand: u64, mut exponent: i32) -> Result<f64, Error> {
        let mut f = significand as f64;
        loop {
            match POW10.get(exponent.unsigned_abs() as usize) {
                Some(&pow) => {
                    if exponent >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error(NUMBER_OUT_OF_RANGE));
                        }
                    } else {
                        f /= pow;
                    }
                    return Ok(f);
                }
                None => {
                    if f == 0.0 {
                        return Ok(f);
                    }
                    if exponent >= 0 {
                        return Err(self.error(NUMBER_OUT_OF_RANGE));
                    }
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
    }

    /// The rest of a string whose opening quote has been read, escapes decoded.
    fn string_body(&mut self) -> Result<String, Error> {
        let mut out: Vec<u8> = Vec::new();
        loop {
            let start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.extend_from_slice(&self.src[start..self.pos]);
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    self.pos += 1;
                    // Only whole UTF-8 sequences of a `&str` and encoded chars were copied.
                    return String::from_utf8(out).map_err(|_| self.error(EOF_STRING));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => {
                    self.pos += 1;
                    return Err(self.error(CONTROL_CHARACTER));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), Error> {
        let Some(b) = self.peek() else {
            return Err(self.error(EOF_STRING));
        };
        self.pos += 1;
        let byte = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let c = self.unicode_escape()?;
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                return Ok(());
            }
            _ => return Err(self.error(INVALID_ESCAPE)),
        };
        out.push(byte);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.src.get(self.pos..self.pos + 4) else {
            self.pos = self.src.len();
            return Err(self.error(EOF_STRING));
        };
        self.pos += 4;
        let mut n = 0;
        for &d in digits {
            let v = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error(INVALID_ESCAPE))?;
            n = n * 16 + v;
        }
        Ok(n)
    }

    /// `\uXXXX` after its `\u`, with a surrogate pair read as one character.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error(LONE_LEADING_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return char::from_u32(first).ok_or_else(|| self.error(INVALID_ESCAPE));
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b) => {
                    self.pos += 1;
                    if b != expected {
                        return Err(self.error(UNEXPECTED_END_OF_HEX_ESCAPE));
                    }
                }
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return Err(self.error(LONE_LEADING_SURROGATE));
        }
        let c = 0x1_0000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        char::from_u32(c).ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// A value of any type the decoder reads.
    pub fn read<T: Decode>(&mut self) -> Result<T, Error> {
        T::decode(self)
    }

    /// A string.
    pub fn string(&mut self) -> Result<String, Error> {
        if self.value_start()? != b'"' {
            return Err(self.invalid_type("a string"));
        }
        self.pos += 1;
        self.string_body()
    }

    /// `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, Error> {
        let (rest, value): (&[u8], bool) = match self.value_start()? {
            b't' => (b"rue", true),
            b'f' => (b"alse", false),
            _ => return Err(self.invalid_type("a boolean")),
        };
        self.pos += 1;
        self.ident(rest)?;
        Ok(value)
    }

    fn number_for(&mut self, expected: &str) -> Result<(Number, &'a str), Error> {
        match self.value_start()? {
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.invalid_type(expected)),
        }
    }

    /// A number, as serde reads an `f64`: any integer or float in range.
    pub fn f64(&mut self) -> Result<f64, Error> {
        Ok(match self.number_for("f64")?.0 {
            Number::Unsigned(n) => n as f64,
            Number::Signed(n) => n as f64,
            Number::Float(x) => x,
        })
    }

    /// An integer from 0 to `max`, as serde reads an unsigned type named `name` (`u16`).
    pub fn unsigned(&mut self, name: &str, max: u64) -> Result<u64, Error> {
        let (number, text) = self.number_for(name)?;
        let found = found_number(&number, text);
        match number {
            Number::Unsigned(n) if n <= max => Ok(n),
            Number::Unsigned(_) | Number::Signed(_) => Err(Error::shape(format!(
                "invalid value: {found}, expected {name}"
            ))),
            Number::Float(_) => Err(Error::shape(format!(
                "invalid type: {found}, expected {name}"
            ))),
        }
    }

    /// `null` as `None`, else a `T`.
    pub fn option<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        if self.whitespace() == Some(b'n') {
            self.pos += 1;
            self.ident(b"ull")?;
            return Ok(None);
        }
        read(self).map(Some)
    }

    /// An array, each element read by `read`.
    pub fn array<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        self.elements(&mut |p| {
            items.push(read(p)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// The walk over an array, apart from what each element is (one copy for every element type).
    fn elements(
        &mut self,
        read: &mut dyn FnMut(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.value_start()? != b'[' {
            return Err(self.invalid_type("a sequence"));
        }
        self.pos += 1;
        let mut count = 0;
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(EOF_LIST)),
                Some(b']') => break,
                Some(_) if count == 0 => {}
                Some(b',') => {
                    self.pos += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => {}
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error(EXPECTED_LIST_COMMA_OR_END)),
            }
            read(self).map_err(|e| e.within(Segment::Index(count)))?;
            count += 1;
        }
        self.pos += 1;
        Ok(())
    }

    /// An object with exactly the fields `fields` names, each at most once: `read` gets the index
    /// of each field in turn, where its value stands. Whether a field is required is the caller's
    /// to say, with [`required`], once this returns. `what` is how serde names the type
    /// (`struct Text`).
    pub fn object(
        &mut self,
        what: &str,
        fields: &[&str],
        read: &mut dyn FnMut(&mut Self, usize) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.value_start()? != b'{' {
            return Err(self.invalid_type(what));
        }
        self.pos += 1;
        let mut seen = 0u64;
        let mut first = true;
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(EOF_OBJECT)),
                Some(b'}') => break,
                Some(b'"') if first => {}
                Some(_) if first => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                Some(b',') => {
                    self.pos += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(TRAILING_COMMA)),
                        Some(_) => return Err(self.peek_error(KEY_MUST_BE_A_STRING)),
                        None => return Err(self.peek_error(EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error(EXPECTED_OBJECT_COMMA_OR_END)),
            }
            first = false;
            self.pos += 1;
            let key = self.string_body()?;
            let Some(i) = fields.iter().position(|f| *f == key) else {
                let message = format!(
                    "unknown field `{key}`, {}",
                    expected_names(fields, "fields")
                );
                return Err(Error::shape(message).within(Segment::Key(key)));
            };
            if seen & (1 << i) != 0 {
                return Err(Error::shape(format!("duplicate field `{key}`")));
            }
            seen |= 1 << i;
            match self.whitespace() {
                Some(b':') => self.pos += 1,
                Some(_) => return Err(self.peek_error(EXPECTED_COLON)),
                None => return Err(self.peek_error(EOF_OBJECT)),
            }
            read(self, i).map_err(|e| e.within(Segment::Key(key)))?;
        }
        self.pos += 1;
        Ok(())
    }

    /// The index of one of `names`, written as that name: a unit-only enum as serde writes it.
    pub fn variant(&mut self, names: &[&str]) -> Result<usize, Error> {
        if self.value_start()? != b'"' {
            return Err(self.invalid_type(&one_of(names)));
        }
        self.pos += 1;
        let name = self.string_body()?;
        names.iter().position(|n| *n == name).ok_or_else(|| {
            Error::shape(format!(
                "unknown variant `{name}`, {}",
                expected_names(names, "variants")
            ))
        })
    }
}

/// serde's words for what was expected instead of an unknown name: "expected `a` or `b`", or
/// "there are no fields".
fn expected_names(names: &[&str], kind: &str) -> String {
    if names.is_empty() {
        format!("there are no {kind}")
    } else {
        format!("expected {}", one_of(names))
    }
}

/// "`a`", "`a` or `b`", "one of `a`, `b`, `c`", as serde lists names.
fn one_of(names: &[&str]) -> String {
    match names {
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", list.join(", "))
        }
    }
}

/// A field [`Parser::object`] did not see: serde's `missing field`.
pub fn required<T>(value: Option<T>, field: &str) -> Result<T, Error> {
    value.ok_or_else(|| Error::shape(format!("missing field `{field}`")))
}

impl Decode for String {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.string()
    }
}

impl Decode for f64 {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.f64()
    }
}

impl Decode for u16 {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.unsigned("u16", u16::MAX.into()).map(|n| n as u16)
    }
}

impl Decode for u32 {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.unsigned("u32", u32::MAX.into()).map(|n| n as u32)
    }
}

impl Decode for bool {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.bool()
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.option(T::decode)
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(p: &mut Parser<'_>) -> Result<Self, Error> {
        p.array(T::decode)
    }
}

/// serde_json's table of powers of ten, each the nearest f64.
#[rustfmt::skip]
static POW10: [f64; 309] = [
    1e000, 1e001, 1e002, 1e003, 1e004, 1e005, 1e006, 1e007, 1e008, 1e009,
    1e010, 1e011, 1e012, 1e013, 1e014, 1e015, 1e016, 1e017, 1e018, 1e019,
    1e020, 1e021, 1e022, 1e023, 1e024, 1e025, 1e026, 1e027, 1e028, 1e029,
    1e030, 1e031, 1e032, 1e033, 1e034, 1e035, 1e036, 1e037, 1e038, 1e039,
    1e040, 1e041, 1e042, 1e043, 1e044, 1e045, 1e046, 1e047, 1e048, 1e049,
    1e050, 1e051, 1e052, 1e053, 1e054, 1e055, 1e056, 1e057, 1e058, 1e059,
    1e060, 1e061, 1e062, 1e063, 1e064, 1e065, 1e066, 1e067, 1e068, 1e069,
    1e070, 1e071, 1e072, 1e073, 1e074, 1e075, 1e076, 1e077, 1e078, 1e079,
    1e080, 1e081, 1e082, 1e083, 1e084, 1e085, 1e086, 1e087, 1e088, 1e089,
    1e090, 1e091, 1e092, 1e093, 1e094, 1e095, 1e096, 1e097, 1e098, 1e099,
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109,
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139,
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159,
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169,
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189,
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199,
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209,
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219,
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229,
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249,
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269,
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289,
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CityIndex, Text};

    fn syntax(text: &str) -> (usize, usize, &'static str) {
        match decode::<CityIndex>(text) {
            Err(Error::Syntax { at, message }) => {
                let (line, column) = line_column(text, at);
                (line, column, message)
            }
            other => panic!("{text}: {other:?}"),
        }
    }

    fn shape<T: Decode + std::fmt::Debug>(text: &str) -> (String, String) {
        match decode::<T>(text) {
            Err(Error::Shape { path, message }) => (path_string(&path), message),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn every_escape_is_decoded() {
        assert_eq!(
            decode::<String>(r#""a\"b\\c\/d\be\ff\ng\rh\ti\u00e9\u4e2d""#).unwrap(),
            "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti\u{e9}中"
        );
        assert_eq!(decode::<String>(r#""""#).unwrap(), "");
        assert_eq!(
            decode::<String>("\"平顶山 \u{7f}\"").unwrap(),
            "平顶山 \u{7f}"
        );
    }

    #[test]
    fn a_surrogate_pair_is_one_character_and_a_lone_surrogate_an_error() {
        assert_eq!(decode::<String>(r#""\ud83d\ude00!""#).unwrap(), "😀!");
        assert_eq!(decode::<String>(r#""\uD834\uDD1E""#).unwrap(), "𝄞");
        let cases = [
            (r#"{"default": "\ude00"}"#, LONE_LEADING_SURROGATE),
            (r#"{"default": "\ud83d\u0041"}"#, LONE_LEADING_SURROGATE),
            (r#"{"default": "\ud83dx"}"#, UNEXPECTED_END_OF_HEX_ESCAPE),
            (r#"{"default": "\ud83d\n"}"#, UNEXPECTED_END_OF_HEX_ESCAPE),
            (r#"{"default": "\ud83d"#, EOF_STRING),
            (r#"{"default": "\u12"}"#, INVALID_ESCAPE),
            (r#"{"default": "\u12"#, EOF_STRING),
            (r#"{"default": "\q"}"#, INVALID_ESCAPE),
            ("{\"default\": \"a\u{1}\"}", CONTROL_CHARACTER),
            (r#"{"default": "abc"#, EOF_STRING),
        ];
        for (text, message) in cases {
            let serde = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            assert_eq!(
                syntax(text),
                (serde.line(), serde.column(), message),
                "{text}: {serde}"
            );
        }
    }

    #[test]
    fn syntax_errors_say_what_and_where_as_serde_json_does() {
        let cases = [
            "",
            "  \n ",
            "{",
            "{\"default\": \"a\",",
            "{\"default\": \"a\",}",
            "{\"default\" \"a\"}",
            "{\"default\": }",
            "{default: 1}",
            "{\"default\": \"a\" \"cities\": []}",
            "{\"default\": \"a\", \"cities\": [,]}",
            "{\"default\": \"a\", \"cities\": [{\"id\": \"x\", \"name\": {\"zh\": \"a\", \"en\": \"b\"}, \"province\": {\"zh\": \"p\", \"en\": \"p\"}},]}",
            "{\"default\": \"a\", \"cities\": [{\"id\": \"x\", \"name\": {\"zh\": \"a\", \"en\": \"b\"}, \"province\": {\"zh\": \"p\", \"en\": \"p\"}} {}]}",
            "{\"default\": \"a\", \"cities\": [\n]} x",
            "{\"default\": nul}",
            "{\"default\": \"a\", \"cities\": []}\n\n  ]",
            "\u{feff}{}",
        ];
        for text in cases {
            let serde = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            let (line, column, message) = syntax(text);
            assert_eq!(
                format!("{message} at line {line} column {column}"),
                serde.to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn text_after_the_value_is_an_error() {
        assert_eq!(
            syntax("{\"default\": \"a\", \"cities\": []} x"),
            (1, 32, TRAILING_CHARACTERS)
        );
        assert_eq!(decode::<u16>(" 7 \n").unwrap(), 7);
    }

    /// Numbers a maintainer might write and many a maintainer would not, in every notation.
    fn numbers() -> Vec<String> {
        let mut out: Vec<String> = [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "1",
            "56",
            "0.5",
            "12345.6",
            "72.1",
            "1e3",
            "1E3",
            "1e+3",
            "1e-3",
            "2.5e-3",
            "0.1",
            "0.2",
            "0.3",
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "5e-324",
            "4.9e-324",
            "2e-324",
            "1e-400",
            "0e999999999999",
            "9007199254740993",
            "18446744073709551615",
            "18446744073709551616",
            "18446744073709551616.5",
            "123456789012345678901234567890",
            "0.000000000000000000000000000001",
            "3.141592653589793238462643383279",
            "1e22",
            "1e23",
            "3e23",
            "9.999999999999999e22",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.00000000000000011102230246251565",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // A fixed pseudo-random walk over significands and exponents.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let digits = 1 + next() % 22;
            let mut significand: String = (0..digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            if significand.len() > 1 {
                significand = significand.trim_start_matches('0').to_string();
                if significand.is_empty() {
                    significand = "0".into();
                }
            }
            let sign = if next() % 4 == 0 { "-" } else { "" };
            let text = match next() % 3 {
                0 => format!("{sign}{significand}"),
                1 => {
                    let split = (next() % significand.len() as u64) as usize;
                    let (int, frac) = significand.split_at(split);
                    let int = if int.is_empty() { "0" } else { int };
                    let frac = if frac.is_empty() { "0" } else { frac };
                    format!("{sign}{int}.{frac}")
                }
                _ => format!("{sign}{significand}e{}", next() % 700)
                    .replace('e', if next() % 2 == 0 { "e" } else { "e-" }),
            };
            out.push(text);
        }
        out
    }

    #[test]
    fn numbers_are_the_same_f64_bits_as_serde_json_gives() {
        let mut compared = 0;
        for text in numbers() {
            let ours = decode::<f64>(&text);
            match serde_json::from_str::<f64>(&text) {
                Ok(x) => {
                    let ours = ours.unwrap_or_else(|e| panic!("{text}: {e:?}"));
                    assert_eq!(ours.to_bits(), x.to_bits(), "{text}: {ours} != {x}");
                    compared += 1;
                }
                Err(e) => {
                    let Err(Error::Syntax { at, message }) = ours else {
                        panic!("{text}: serde_json says {e}, we read {ours:?}")
                    };
                    let (line, column) = line_column(&text, at);
                    assert_eq!(
                        format!("{message} at line {line} column {column}"),
                        e.to_string()
                    );
                }
            }
        }
        assert!(compared > 15_000, "{compared}");
    }

    #[test]
    fn malformed_numbers_are_errors_where_serde_json_says() {
        for text in [
            "01",
            "-",
            "-x",
            "1.",
            "1.e5",
            "1e",
            "1e+",
            "1ex",
            ".5",
            "+1",
            "1e400",
            "-1e400",
            "1e99999999999",
            "--1",
            "0x10",
        ] {
            let serde = serde_json::from_str::<f64>(text).unwrap_err();
            let Err(Error::Syntax { at, message }) = decode::<f64>(text) else {
                panic!("{text}")
            };
            let (line, column) = line_column(text, at);
            assert_eq!(
                format!("{message} at line {line} column {column}"),
                serde.to_string(),
                "{text}"
            );
        }
    }

    #[test]
    fn integers_are_checked_against_their_type_as_serde_does() {
        assert_eq!(decode::<u16>("65535").unwrap(), 65535);
        assert_eq!(decode::<u32>("4294967295").unwrap(), u32::MAX);
        let u16_error = |text: &str| shape::<u16>(text).1;
        assert_eq!(
            u16_error("65536"),
            "invalid value: integer `65536`, expected u16"
        );
        assert_eq!(u16_error("-1"), "invalid value: integer `-1`, expected u16");
        assert_eq!(
            u16_error("2020.0"),
            "invalid type: floating point `2020.0`, expected u16"
        );
        assert_eq!(
            u16_error("\"2020\""),
            "invalid type: string \"2020\", expected u16"
        );
        assert_eq!(u16_error("null"), "invalid type: null, expected u16");
        assert_eq!(
            u16_error("true"),
            "invalid type: boolean `true`, expected u16"
        );
        assert_eq!(u16_error("[]"), "invalid type: sequence, expected u16");
        assert_eq!(u16_error("{}"), "invalid type: map, expected u16");
        assert_eq!(
            shape::<u32>("4294967296").1,
            "invalid value: integer `4294967296`, expected u32"
        );
        for text in [
            "65536", "-1", "2020.0", "\"2020\"", "null", "true", "[]", "{}",
        ] {
            let serde = serde_json::from_str::<u16>(text).unwrap_err().to_string();
            assert!(serde.starts_with(&u16_error(text)), "{serde}");
        }
    }

    #[test]
    fn nested_values_decode_and_name_their_path() {
        assert_eq!(
            decode::<Vec<Vec<Option<u16>>>>(" [[1, null], [], [3]] ").unwrap(),
            vec![vec![Some(1), None], vec![], vec![Some(3)]]
        );
        assert_eq!(
            shape::<Vec<Vec<Option<u16>>>>("[[1], [2, \"x\"]]"),
            (
                "[1][1]".into(),
                "invalid type: string \"x\", expected u16".into()
            )
        );
        let index = r#"{"default": "a", "cities": [{"id": "a", "name": {"zh": "甲", "en": "A"},
            "province": {"zh": "省", "en": "P"}}, {"id": "b", "name": {"zh": "乙", "en": 2}}]}"#;
        assert_eq!(
            shape::<CityIndex>(index),
            (
                "cities[1].name.en".into(),
                "invalid type: integer `2`, expected a string".into()
            )
        );
        assert_eq!(
            shape::<CityIndex>("[]"),
            (
                ".".into(),
                "invalid type: sequence, expected struct CityIndex".into()
            )
        );
    }

    #[test]
    fn fields_are_checked_as_serde_checks_them() {
        assert_eq!(
            shape::<Text>(r#"{"zh": "a", "en": "b", "zh": "c"}"#),
            (".".into(), "duplicate field `zh`".into())
        );
        assert_eq!(
            shape::<Text>(r#"{"zh": "a"}"#),
            (".".into(), "missing field `en`".into())
        );
        assert_eq!(
            shape::<Text>(r#"{"zh": "a", "fr": "b"}"#),
            (
                "fr".into(),
                "unknown field `fr`, expected `zh` or `en`".into()
            )
        );
        assert_eq!(
            shape::<CityIndex>(r#"{"default": "a", "cities": [{"id": "a", "nom": 1}]}"#),
            (
                "cities[0].nom".into(),
                "unknown field `nom`, expected one of `id`, `name`, `province`".into()
            )
        );
    }

    #[test]
    fn an_enum_is_one_of_its_names() {
        use crate::model::Better;
        assert_eq!(decode::<Better>("\"lower\"").unwrap(), Better::Lower);
        assert_eq!(
            shape::<Better>("\"Lower\""),
            (
                ".".into(),
                "unknown variant `Lower`, expected `lower` or `higher`".into()
            )
        );
        assert_eq!(
            shape::<Better>("1"),
            (
                ".".into(),
                "invalid type: integer `1`, expected `lower` or `higher`".into()
            )
        );
        assert_eq!(
            shape::<Better>(r#"{"lower": null}"#),
            (
                ".".into(),
                "invalid type: map, expected `lower` or `higher`".into()
            )
        );
    }
}
