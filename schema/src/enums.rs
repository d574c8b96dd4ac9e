//! Enumerated values of the data model.
//!
//! Stored as snake_case strings (portable across SQLite and PostgreSQL, readable in a SQL
//! shell, and the same spelling the seed files use), so adding a variant needs no migration.

use sea_orm::entity::prelude::*;
use serde::Deserialize;

/// Declares a string-backed enum usable as a SeaORM column and in seed files.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, DeriveActiveEnum, Deserialize)]
        #[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
        pub enum $name {
            $($(#[$vmeta])* #[sea_orm(string_value = $value)] #[serde(rename = $value)] $variant),+
        }

        impl $name {
            /// The stored (and seed-file) spelling of the value.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $value),+ }
            }
        }
    };
}

string_enum!(
    /// A country's standing in the OAS.
    OasStatus { MemberState = "member_state", ObserverState = "observer_state" }
);

string_enum!(
    /// Subregion, as the network groups countries.
    Subregion {
        Caribbean = "caribbean",
        CentralAmerica = "central_america",
        SouthAmerica = "south_america",
        NorthAmerica = "north_america",
        Europe = "europe",
    }
);

string_enum!(
    /// What an institution is.
    InstitutionKind {
        MinistryOfLabor = "ministry_of_labor",
        PermanentMission = "permanent_mission",
        InternationalOrganization = "international_organization",
        ConsultativeBody = "consultative_body",
        TechnicalSecretariat = "technical_secretariat",
    }
);

string_enum!(
    /// A member's role in the network.
    NetworkRole {
        FocalPoint = "focal_point",
        Delegate = "delegate",
        Secretariat = "secretariat",
        Observer = "observer",
    }
);

string_enum!(
    /// Editorial state of a program in the Portfolio.
    ProgramStatus {
        Draft = "draft",
        Submitted = "submitted",
        Published = "published",
        Archived = "archived",
    }
);

string_enum!(
    /// Language content was written in.
    Language { En = "en", Es = "es" }
);

string_enum!(
    /// How a dialogue was held.
    DialogueFormat { Virtual = "virtual", InPerson = "in_person" }
);

string_enum!(
    /// Progress of a bilateral cooperation.
    CooperationStatus {
        Selected = "selected",
        Underway = "underway",
        Completed = "completed",
    }
);

string_enum!(
    /// Kind of resource in the Documentation Center.
    DocumentKind {
        Study = "study",
        Manual = "manual",
        Glossary = "glossary",
        Conclusions = "conclusions",
        Agenda = "agenda",
        Course = "course",
        Repository = "repository",
        Proposal = "proposal",
        FoundationalDocument = "foundational_document",
        /// A report of the network's work (the RIAL/GENDER 2020-2023 report).
        Report = "report",
    }
);

string_enum!(
    /// A Steering Committee seat's role.
    SeatRole {
        IacmlChair = "iacml_chair",
        Wg1Chair = "wg1_chair",
        Wg1ViceChair = "wg1_vice_chair",
        ElectedMember = "elected_member",
    }
);

string_enum!(
    /// The five intervention areas of the Repository of Actions on Paid Domestic Work.
    InterventionArea {
        TrainingProfessionalization = "training_professionalization",
        DisseminationAwareness = "dissemination_awareness",
        Inspection = "inspection",
        SocialSecurityCoverage = "social_security_coverage",
        AlliancesSocialActors = "alliances_social_actors",
    }
);

string_enum!(
    /// Which of the network's objectives a statement is (foundational document, section 2).
    ObjectiveKind {
        Purpose = "purpose",
        General = "general",
        Specific = "specific",
    }
);

string_enum!(
    /// What an account may do (anonymous clients have no account).
    AccountRole {
        /// A focal point: drafts and submits their institution's programs.
        Member = "member",
        /// The Technical Secretariat: reviews, translates, publishes; edits everything.
        Secretariat = "secretariat",
    }
);
