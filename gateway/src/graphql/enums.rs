//! GraphQL mirrors of the data model's enums (the `schema` crate knows nothing of GraphQL).

use async_graphql::Enum;
use rial_schema::enums as db;

/// Declares a GraphQL enum with the same variants as a data-model enum, and both conversions.
macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident => $db:ident { $($(#[$vmeta:meta])* $variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Enum, Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl From<db::$db> for $name {
            fn from(value: db::$db) -> Self {
                match value { $(db::$db::$variant => $name::$variant),+ }
            }
        }

        impl From<$name> for db::$db {
            fn from(value: $name) -> Self {
                match value { $($name::$variant => db::$db::$variant),+ }
            }
        }
    };
}

mirror!(
    /// A country's standing in the OAS.
    OasStatus => OasStatus {
        /// One of the 35 member states.
        MemberState,
        /// A permanent observer (e.g. Spain).
        ObserverState,
    }
);

mirror!(
    /// Subregion of a country.
    Subregion => Subregion { Caribbean, CentralAmerica, SouthAmerica, NorthAmerica, Europe }
);

mirror!(
    /// What an institution is.
    InstitutionKind => InstitutionKind {
        MinistryOfLabor,
        PermanentMission,
        InternationalOrganization,
        /// A consultative body of the IACML (COSATE for workers, CEATAL for employers).
        ConsultativeBody,
        TechnicalSecretariat,
    }
);

mirror!(
    /// A member's role in the network.
    NetworkRole => NetworkRole { FocalPoint, Delegate, Secretariat, Observer }
);

mirror!(
    /// Editorial state of a program.
    ProgramStatus => ProgramStatus { Draft, Submitted, Published, Archived }
);

mirror!(
    /// A content language.
    Language => Language {
        /// English.
        En,
        /// Spanish.
        Es,
    }
);

mirror!(
    /// How a dialogue was held.
    DialogueFormat => DialogueFormat { Virtual, InPerson }
);

mirror!(
    /// Progress of a bilateral cooperation.
    CooperationStatus => CooperationStatus { Selected, Underway, Completed }
);

mirror!(
    /// Kind of resource in the Documentation Center.
    DocumentKind => DocumentKind {
        Study, Manual, Glossary, Conclusions, Agenda, Course, Repository, Proposal, FoundationalDocument,
        Report,
    }
);

mirror!(
    /// Role of a Steering Committee seat.
    SeatRole => SeatRole {
        /// Chair of the Inter-American Conference of Ministers of Labor.
        IacmlChair,
        /// Chair of Working Group 1.
        #[graphql(name = "WG1_CHAIR")]
        Wg1Chair,
        /// Vice-chair of Working Group 1.
        #[graphql(name = "WG1_VICE_CHAIR")]
        Wg1ViceChair,
        /// Member elected from the network.
        ElectedMember,
    }
);

mirror!(
    /// Intervention area of the Repository of Actions on Paid Domestic Work.
    InterventionArea => InterventionArea {
        TrainingProfessionalization,
        DisseminationAwareness,
        Inspection,
        SocialSecurityCoverage,
        AlliancesSocialActors,
    }
);

mirror!(
    /// What an account may do.
    AccountRole => AccountRole {
        /// A focal point of a Ministry.
        Member,
        /// The Technical Secretariat.
        Secretariat,
    }
);

mirror!(
    /// Which of the network's objectives a statement is.
    ObjectiveKind => ObjectiveKind {
        /// The network's purpose.
        Purpose,
        /// Its general objective.
        General,
        /// One of its specific objectives.
        Specific,
    }
);
