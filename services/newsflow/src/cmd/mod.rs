//! One module per subcommand.

pub mod eval;
pub mod eval_clean;
pub mod explain;
pub mod produce;
pub mod run;
pub mod tail;
