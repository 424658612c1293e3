//! The register plan of a call, one line, for the head of each golden file:
//!
//! ```text
//! seamcall abi::TdhPhymemPageReclaim | in: rcx=page | out: rcx->page_type rdx->owner r8->page_size | clobber: r9 r10 r11 | retry: entropy<=9
//! ```

use crate::Family;
use crate::ir::{Call, LeafRef};
use crate::regs::Reg;
use quote::ToTokens;

/// Render the register plan of `call`.
pub fn plan(call: &Call) -> String {
    let leaf = match &call.leaf {
        LeafRef::Checked(path) => path.to_token_stream().to_string().replace(' ', ""),
        LeafRef::Unchecked { number, .. } => format!("{number:#x} (unchecked)"),
    };
    let mut text = format!("{} {leaf}", call.family.attr());
    if let Some(version) = call.version {
        text.push_str(&format!(" version={version}"));
    }
    if let Some(regs) = &call.regs {
        text.push_str(&format!(" | all 13 registers in and out through `{regs}`"));
    } else {
        let inputs: Vec<String> = call
            .inputs
            .iter()
            .map(|input| {
                let mut source = input.param.to_string();
                for field in &input.fields {
                    source.push('.');
                    source.push_str(&field.to_string());
                }
                format!("{}={source}", input.reg.name())
            })
            .collect();
        let mut fixed = Vec::new();
        if call.family == Family::Tdvmcall {
            fixed.push(format!("rcx={:#06x}(exposed)", call.exposed_mask()));
            if !call.vendor {
                fixed.push("r10=0".to_owned());
                fixed.push("r11=subfn".to_owned());
            }
        }
        let all_in: Vec<String> = fixed.into_iter().chain(inputs).collect();
        text.push_str(&format!(
            " | in: {}",
            if all_in.is_empty() {
                "-".into()
            } else {
                all_in.join(" ")
            }
        ));
        let outputs: Vec<String> = call
            .outputs
            .iter()
            .map(|output| format!("{}->{}", output.reg.name(), output.name))
            .collect();
        text.push_str(&format!(
            " | out: {}",
            if outputs.is_empty() {
                "-".into()
            } else {
                outputs.join(" ")
            }
        ));
        let clobbered: Vec<&str> = call
            .returned()
            .into_iter()
            .filter(|reg| call.output(*reg).is_none())
            .chain(call.discarded())
            .map(Reg::name)
            .collect();
        text.push_str(&format!(" | clobber: {}", clobbered.join(" ")));
        if call.family != Family::Tdvmcall {
            let family = call.family.attr();
            let (entry, shared) = if crate::expand::is_wide(call) {
                ("out_of_line", format!("{family}_wide"))
            } else {
                ("narrow_failed", format!("{family}_narrow"))
            };
            text.push_str(&format!(
                " | status != 0: out of line, cold `{entry}` then shared `{shared}` (retries, \
                 success with information, the error)"
            ));
        }
        let zero: Vec<&str> = call.zero_candidates().into_iter().map(Reg::name).collect();
        if !zero.is_empty() {
            text.push_str(&format!(
                " | zeroed if the table reserves: {}",
                zero.join(" ")
            ));
        }
    }
    let retry = call.retry;
    let mut policies = Vec::new();
    if retry.entropy > 0 {
        policies.push(format!("entropy<={}", retry.entropy));
    }
    if retry.busy > 0 {
        policies.push(format!("busy<={}", retry.busy));
    }
    text.push_str(&format!(
        " | retry: {}",
        if policies.is_empty() {
            "none".into()
        } else {
            policies.join(" ")
        }
    ));
    text
}
