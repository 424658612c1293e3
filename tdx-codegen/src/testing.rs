//! The one entry point the tests of this crate reach past [`expand()`](crate::expand): the
//! item parser, the register plan, the register table and the output fields of a declaration.
//! Hidden from the documentation; not an API.

use crate::Family;
use crate::ir::LeafRef;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// The macro's own parser for an annotated bodiless `fn` item.
pub use crate::parse::Item;

/// The register plan that heads a golden file (`seamcall TdhX | in: ... | out: ...`), or the
/// first error of the declaration.
pub fn plan(family: Family, args: TokenStream, item: TokenStream) -> Result<String, String> {
    crate::lower(family, args, item)
        .map(|call| crate::plan::plan(&call))
        .map_err(|error| error.to_string())
}

/// The register table, in `struct tdx_module_args` order: (name, x86 index, marker type).
pub fn registers() -> Vec<(&'static str, u8, &'static str)> {
    crate::regs::Reg::ALL
        .iter()
        .map(|reg| (reg.name(), reg.index(), reg.marker_name()))
        .collect()
}

/// One field of a generated output struct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputField {
    /// The register (`rcx`).
    pub reg: &'static str,
    /// The field name.
    pub name: String,
    /// The type written in `out(REG = name: Type)`, as tokens (`None`: left out, so the field
    /// has the ABI table's type as a trait projection).
    pub ty: Option<String>,
}

/// The output fields of a declaration, with the last segment of its table leaf (`None` for
/// an integer leaf); the first error if it does not validate.
pub fn outputs(
    family: Family,
    args: TokenStream,
    item: TokenStream,
) -> Result<(Option<String>, Vec<OutputField>), String> {
    let call = crate::lower(family, args, item).map_err(|error| error.to_string())?;
    let leaf = match &call.leaf {
        LeafRef::Checked(path) => path.segments.last().map(|s| s.ident.to_string()),
        LeafRef::Unchecked { .. } => None,
    };
    let fields = call
        .outputs
        .iter()
        .map(|field| OutputField {
            reg: field.reg.name(),
            name: field.name.to_string(),
            ty: field.ty.as_ref().map(|ty| ty.to_token_stream().to_string()),
        })
        .collect();
    Ok((leaf, fields))
}
