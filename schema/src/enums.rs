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
    OasStatus {
        /// One of the 35 member states.
        MemberState = "member_state",
        /// A permanent observer (e.g. Spain).
        ObserverState = "observer_state",
    }
);

string_enum!(
    /// Subregion, as the network groups countries.
    Subregion {
        /// The Caribbean.
        Caribbean = "caribbean",
        /// Central America.
        CentralAmerica = "central_america",
        /// South America.
        SouthAmerica = "south_america",
        /// North America.
        NorthAmerica = "north_america",
        /// Europe (observer states).
        Europe = "europe",
    }
);

string_enum!(
    /// What an institution is.
    InstitutionKind {
        /// A Ministry of Labor of the Americas.
        MinistryOfLabor = "ministry_of_labor",
        /// A permanent mission to the OAS.
        PermanentMission = "permanent_mission",
        /// An international organization (the OAS, the ILO, …); it has no country.
        InternationalOrganization = "international_organization",
        /// A consultative body of the IACML (COSATE for workers, CEATAL for employers).
        ConsultativeBody = "consultative_body",
        /// The network's Technical Secretariat (at the OAS).
        TechnicalSecretariat = "technical_secretariat",
    }
);

string_enum!(
    /// A member's role in the network.
    NetworkRole {
        /// A gender focal point, named so by the documents.
        FocalPoint = "focal_point",
        /// A delegate of their institution at a dialogue or meeting.
        Delegate = "delegate",
        /// Staff of the Technical Secretariat.
        Secretariat = "secretariat",
        /// An observer (of an observer state or organization).
        Observer = "observer",
    }
);

string_enum!(
    /// Editorial state of a program in the Portfolio.
    ProgramStatus {
        /// Being written by a focal point; seen by their institution and the Secretariat only.
        Draft = "draft",
        /// Sent for review by the Secretariat.
        Submitted = "submitted",
        /// Public: listed, served to everyone, indexed for search.
        Published = "published",
        /// No longer shown to the public; kept for the record.
        Archived = "archived",
    }
);

string_enum!(
    /// Language content was written in.
    Language {
        /// English.
        En = "en",
        /// Spanish.
        Es = "es",
    }
);

string_enum!(
    /// How a dialogue was held.
    DialogueFormat {
        /// Held online.
        Virtual = "virtual",
        /// Held in person.
        InPerson = "in_person",
    }
);

string_enum!(
    /// Progress of a bilateral cooperation.
    CooperationStatus {
        /// Chosen in its call, not yet under way.
        Selected = "selected",
        /// Under way.
        Underway = "underway",
        /// Done.
        Completed = "completed",
    }
);

string_enum!(
    /// Kind of resource in the Documentation Center.
    DocumentKind {
        /// A study or research paper.
        Study = "study",
        /// A manual or guide.
        Manual = "manual",
        /// A glossary.
        Glossary = "glossary",
        /// The conclusions of a dialogue.
        Conclusions = "conclusions",
        /// The agenda of a dialogue or meeting.
        Agenda = "agenda",
        /// Course material.
        Course = "course",
        /// A collection of practices (e.g. the Repository of Actions on Paid Domestic Work).
        Repository = "repository",
        /// A proposal put to the network.
        Proposal = "proposal",
        /// A founding text of the network.
        FoundationalDocument = "foundational_document",
        /// A report of the network's work (the RIAL/GENDER 2020-2023 report).
        Report = "report",
    }
);

string_enum!(
    /// A Steering Committee seat's role.
    SeatRole {
        /// The chair of the IACML (Inter-American Conference of Ministers of Labor).
        IacmlChair = "iacml_chair",
        /// The chair of the IACML's Working Group 1.
        Wg1Chair = "wg1_chair",
        /// A vice-chair of Working Group 1.
        Wg1ViceChair = "wg1_vice_chair",
        /// A member elected to the Committee.
        ElectedMember = "elected_member",
    }
);

string_enum!(
    /// The five intervention areas of the Repository of Actions on Paid Domestic Work.
    InterventionArea {
        /// Training and professionalization.
        TrainingProfessionalization = "training_professionalization",
        /// Dissemination and awareness raising.
        DisseminationAwareness = "dissemination_awareness",
        /// Labor inspection.
        Inspection = "inspection",
        /// Social security coverage.
        SocialSecurityCoverage = "social_security_coverage",
        /// Alliances with social actors.
        AlliancesSocialActors = "alliances_social_actors",
    }
);

string_enum!(
    /// Which of the network's objectives a statement is (foundational document, section 2).
    ObjectiveKind {
        /// The network's purpose.
        Purpose = "purpose",
        /// A general objective.
        General = "general",
        /// A specific objective.
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
