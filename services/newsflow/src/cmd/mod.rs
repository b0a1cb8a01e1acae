//! One module per subcommand.

pub mod eval;
pub mod explain;
pub mod run;
