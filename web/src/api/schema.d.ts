/* Généré par « npm run api:types » depuis le document OpenAPI : ne pas modifier à la main. */
export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vivacité : 200 tant que le processus répond, avec l'état de la base et du routage (statut degrade et ses raisons pendant une panne de la base ; le routage Hermes reste servi depuis la mémoire) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Vrai quand tout va bien : base joignable et à jour, routage chargé */
                            ok: boolean;
                            /** @description degrade : le service répond, routage Hermes compris, mais quelque chose manque (voir raisons) */
                            statut: "ok" | "degrade";
                            raisons: string[];
                            base: "pglite" | "postgres";
                            base_joignable: boolean;
                            version_migration: string | null;
                            version_attendue: string;
                            routage: {
                                charge: boolean;
                                numeros: number;
                                charge_le: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Disponibilité pour un répartiteur de charge : 200 quand la base répond, est à jour et que le routage est chargé ; 503 sinon */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Vrai quand tout va bien : base joignable et à jour, routage chargé */
                            ok: boolean;
                            /** @description degrade : le service répond, routage Hermes compris, mais quelque chose manque (voir raisons) */
                            statut: "ok" | "degrade";
                            raisons: string[];
                            base: "pglite" | "postgres";
                            base_joignable: boolean;
                            version_migration: string | null;
                            version_attendue: string;
                            routage: {
                                charge: boolean;
                                numeros: number;
                                charge_le: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Vrai quand tout va bien : base joignable et à jour, routage chargé */
                            ok: boolean;
                            /** @description degrade : le service répond, routage Hermes compris, mais quelque chose manque (voir raisons) */
                            statut: "ok" | "degrade";
                            raisons: string[];
                            base: "pglite" | "postgres";
                            base_joignable: boolean;
                            version_migration: string | null;
                            version_attendue: string;
                            routage: {
                                charge: boolean;
                                numeros: number;
                                charge_le: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ouvrir une session (cookie HttpOnly) ; renvoie le jeton anti-CSRF à joindre aux écritures */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        mot_de_passe: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            utilisateur: {
                                id: number | null;
                                login: string;
                                nom: string;
                                role: string;
                                client_id: number | null;
                                type: string;
                                /** @description Ce que l'appelant peut faire (politique d'autorisation) : l'extranet montre menus et boutons d'après elles */
                                permissions: ("numeros:lire" | "numeros:ecrire" | "numeros:supprimer" | "affectations:lire" | "affectations:ecrire" | "commandes:lire" | "commandes:demander" | "commandes:traiter" | "portabilites:lire" | "portabilites:demander" | "portabilites:traiter" | "clients:lire" | "clients:ecrire" | "referentiels:lire" | "referentiels:ecrire" | "infrastructure:lire" | "configurations:ecrire" | "tranches:lire" | "tranches:gerer" | "presentation:lire" | "presentation:gerer" | "couts:lire" | "couts:gerer" | "internes:lire" | "tableau-de-bord:lire" | "routage:lire" | "publication:lire" | "publication:publier" | "import" | "export" | "audit:lire" | "notifications:lire" | "comptes:gerer" | "metriques:lire" | "sauvegardes:gerer")[];
                            };
                            csrf: string;
                            /** Format: date-time */
                            expire: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fermer la session ; pour un compte de l'entreprise (OpenID Connect), 200 avec l'adresse de déconnexion du fournisseur d'identité quand il en a une */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redirection: string;
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Qui suis-je */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number | null;
                            login: string;
                            nom: string;
                            role: string;
                            client_id: number | null;
                            type: string;
                            /** @description Ce que l'appelant peut faire (politique d'autorisation) : l'extranet montre menus et boutons d'après elles */
                            permissions: ("numeros:lire" | "numeros:ecrire" | "numeros:supprimer" | "affectations:lire" | "affectations:ecrire" | "commandes:lire" | "commandes:demander" | "commandes:traiter" | "portabilites:lire" | "portabilites:demander" | "portabilites:traiter" | "clients:lire" | "clients:ecrire" | "referentiels:lire" | "referentiels:ecrire" | "infrastructure:lire" | "configurations:ecrire" | "tranches:lire" | "tranches:gerer" | "presentation:lire" | "presentation:gerer" | "couts:lire" | "couts:gerer" | "internes:lire" | "tableau-de-bord:lire" | "routage:lire" | "publication:lire" | "publication:publier" | "import" | "export" | "audit:lire" | "notifications:lire" | "comptes:gerer" | "metriques:lire" | "sauvegardes:gerer")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/utilisateurs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comptes utilisateurs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                login: string;
                                nom: string;
                                email: string | null;
                                role: string;
                                client_id: number | null;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                derniere_connexion: string | null;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description LOCAL : se connecte par son mot de passe ; OIDC : par le compte de l'entreprise ; LDAP : par l'annuaire (rôle donné par ses groupes) */
                                origine: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un compte */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        nom: string;
                        /** Format: email */
                        email?: string | null;
                        role: "admin" | "gestionnaire" | "lecteur" | "client" | "hermes";
                        client_id?: number | null;
                        mot_de_passe: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            login: string;
                            nom: string;
                            email: string | null;
                            role: string;
                            client_id: number | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            derniere_connexion: string | null;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description LOCAL : se connecte par son mot de passe ; OIDC : par le compte de l'entreprise ; LDAP : par l'annuaire (rôle donné par ses groupes) */
                            origine: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/utilisateurs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier un compte (rôle, activation, mot de passe) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nom?: string;
                        /** Format: email */
                        email?: string | null;
                        role?: "admin" | "gestionnaire" | "lecteur" | "client" | "hermes";
                        client_id?: number | null;
                        actif?: boolean;
                        mot_de_passe?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            login: string;
                            nom: string;
                            email: string | null;
                            role: string;
                            client_id: number | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            derniere_connexion: string | null;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description LOCAL : se connecte par son mot de passe ; OIDC : par le compte de l'entreprise ; LDAP : par l'annuaire (rôle donné par ses groupes) */
                            origine: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cles-api": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clés API (le secret n'est jamais renvoyé) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                nom: string;
                                prefixe: string;
                                role: string;
                                client_id: number | null;
                                /** Format: date-time */
                                expire_le: string | null;
                                /** Format: date-time */
                                revoquee_le: string | null;
                                /** Format: date-time */
                                derniere_utilisation: string | null;
                                adresses_autorisees: string[] | null;
                                created_by: string | null;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer une clé API : la clé est affichée cette seule fois */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        nom: string;
                        role: "admin" | "gestionnaire" | "lecteur" | "client" | "hermes";
                        client_id?: number | null;
                        /** Format: date-time */
                        expire_le?: string | null;
                        /** @description Adresses ou plages CIDR d'où la clé peut servir (ex. les serveurs Hermes : 10.1.2.0/24) ; ailleurs : 403. Absent : de partout. */
                        adresses_autorisees?: string[] | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nom: string;
                            prefixe: string;
                            role: string;
                            client_id: number | null;
                            /** Format: date-time */
                            expire_le: string | null;
                            /** Format: date-time */
                            revoquee_le: string | null;
                            /** Format: date-time */
                            derniere_utilisation: string | null;
                            adresses_autorisees: string[] | null;
                            created_by: string | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            cle: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cles-api/{id}/revoquer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Révoquer une clé API (effet immédiat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            nom: string;
                            prefixe: string;
                            role: string;
                            client_id: number | null;
                            /** Format: date-time */
                            expire_le: string | null;
                            /** Format: date-time */
                            revoquee_le: string | null;
                            /** Format: date-time */
                            derniere_utilisation: string | null;
                            adresses_autorisees: string[] | null;
                            created_by: string | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comment se connecter : par mot de passe, et par le compte de l'entreprise quand il est configuré */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            oidc: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Se connecter avec le compte de l'entreprise : redirige vers le fournisseur d'identité (OpenID Connect, code d'autorisation avec PKCE) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/retour": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retour du fournisseur d'identité : ouvre la session et renvoie vers l'extranet, ou vers la page de connexion avec la raison du refus */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/correspondances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groupes du fournisseur d'identité et le rôle qu'ils donnent (le plus fort l'emporte) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                groupe: string;
                                role: string;
                                client_id: number | null;
                                client_code: string | null;
                                actif: boolean;
                                version: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Donner un rôle aux membres d'un groupe du fournisseur d'identité */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        groupe: string;
                        role: "admin" | "gestionnaire" | "lecteur" | "client";
                        client_id?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            groupe: string;
                            role: string;
                            client_id: number | null;
                            client_code: string | null;
                            actif: boolean;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/correspondances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retirer une correspondance : ses membres sont refusés à leur prochaine connexion */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicatifs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des indicatifs */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                    indicatif?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Code pays ISO 3166 (FR, BE...) */
                                code: string | null;
                                /** @description Indicatif international, chiffres seuls (33) */
                                indicatif: string | null;
                                libelle: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) indicatif */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code pays ISO 3166 (FR, BE...) */
                        code: string;
                        /** @description Indicatif international, chiffres seuls (33) */
                        indicatif: string;
                        libelle: string;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code pays ISO 3166 (FR, BE...) */
                            code: string | null;
                            /** @description Indicatif international, chiffres seuls (33) */
                            indicatif: string | null;
                            libelle: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicatifs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicatif par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code pays ISO 3166 (FR, BE...) */
                            code: string | null;
                            /** @description Indicatif international, chiffres seuls (33) */
                            indicatif: string | null;
                            libelle: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) indicatif (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) indicatif (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code pays ISO 3166 (FR, BE...) */
                        code?: string;
                        /** @description Indicatif international, chiffres seuls (33) */
                        indicatif?: string;
                        libelle?: string;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code pays ISO 3166 (FR, BE...) */
                            code: string | null;
                            /** @description Indicatif international, chiffres seuls (33) */
                            indicatif: string | null;
                            libelle: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des régions */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    indicatif_id?: number;
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                indicatif_id: number | null;
                                code: string | null;
                                libelle: string | null;
                                prefixe: string | null;
                                /** @description Zone du plan de numérotation où la région se trouve */
                                zone: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) région */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        indicatif_id: number;
                        code: string;
                        libelle: string;
                        prefixe?: string | null;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            indicatif_id: number | null;
                            code: string | null;
                            libelle: string | null;
                            prefixe: string | null;
                            /** @description Zone du plan de numérotation où la région se trouve */
                            zone: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Région par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            indicatif_id: number | null;
                            code: string | null;
                            libelle: string | null;
                            prefixe: string | null;
                            /** @description Zone du plan de numérotation où la région se trouve */
                            zone: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) région (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) région (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        indicatif_id?: number;
                        code?: string;
                        libelle?: string;
                        prefixe?: string | null;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            indicatif_id: number | null;
                            code: string | null;
                            libelle: string | null;
                            prefixe: string | null;
                            /** @description Zone du plan de numérotation où la région se trouve */
                            zone: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/operateurs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des opérateurs */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Code en majuscules (A-Z, 0-9, _) */
                                code: string | null;
                                nom: string | null;
                                type: ("VOIP" | "TRADITIONNEL" | "HYBRIDE") | null;
                                contact: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) opérateur */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code: string;
                        nom: string;
                        type?: ("VOIP" | "TRADITIONNEL" | "HYBRIDE") | null;
                        contact?: string | null;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            type: ("VOIP" | "TRADITIONNEL" | "HYBRIDE") | null;
                            contact: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operateurs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Opérateur par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            type: ("VOIP" | "TRADITIONNEL" | "HYBRIDE") | null;
                            contact: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) opérateur (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) opérateur (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code?: string;
                        nom?: string;
                        type?: ("VOIP" | "TRADITIONNEL" | "HYBRIDE") | null;
                        contact?: string | null;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            type: ("VOIP" | "TRADITIONNEL" | "HYBRIDE") | null;
                            contact: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/types-did": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des type de numéros */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Code en majuscules (A-Z, 0-9, _) */
                                code: string | null;
                                libelle: string | null;
                                description: string | null;
                                nature: ("GEO" | "MOBILE" | "NPV" | "NON_GEO" | "SVA_GRATUIT" | "SVA_NORMAL" | "SVA_SURTAXE" | "INTERNATIONAL") | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) type de numéro */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code: string;
                        libelle: string;
                        description?: string | null;
                        /** @description Nature ARCEP que les règles lisent : un numéro prend tout type de sa nature */
                        nature: "GEO" | "MOBILE" | "NPV" | "NON_GEO" | "SVA_GRATUIT" | "SVA_NORMAL" | "SVA_SURTAXE" | "INTERNATIONAL";
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            nature: ("GEO" | "MOBILE" | "NPV" | "NON_GEO" | "SVA_GRATUIT" | "SVA_NORMAL" | "SVA_SURTAXE" | "INTERNATIONAL") | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/types-did/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Type de numéro par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            nature: ("GEO" | "MOBILE" | "NPV" | "NON_GEO" | "SVA_GRATUIT" | "SVA_NORMAL" | "SVA_SURTAXE" | "INTERNATIONAL") | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) type de numéro (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) type de numéro (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code?: string;
                        libelle?: string;
                        description?: string | null;
                        /** @description Nature ARCEP que les règles lisent : un numéro prend tout type de sa nature */
                        nature?: "GEO" | "MOBILE" | "NPV" | "NON_GEO" | "SVA_GRATUIT" | "SVA_NORMAL" | "SVA_SURTAXE" | "INTERNATIONAL";
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            nature: ("GEO" | "MOBILE" | "NPV" | "NON_GEO" | "SVA_GRATUIT" | "SVA_NORMAL" | "SVA_SURTAXE" | "INTERNATIONAL") | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/equipements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des équipements */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Code en majuscules (A-Z, 0-9, _) */
                                code: string | null;
                                nom: string | null;
                                type: string | null;
                                ip_address: ((string | unknown | unknown) | null) | unknown | unknown;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) équipement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code: string;
                        nom: string;
                        type?: string | null;
                        ip_address?: ((string | unknown | unknown) | null) | unknown | unknown;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            type: string | null;
                            ip_address: ((string | unknown | unknown) | null) | unknown | unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/equipements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Équipement par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            type: string | null;
                            ip_address: ((string | unknown | unknown) | null) | unknown | unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) équipement (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) équipement (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code?: string;
                        nom?: string;
                        type?: string | null;
                        ip_address?: ((string | unknown | unknown) | null) | unknown | unknown;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            type: string | null;
                            ip_address: ((string | unknown | unknown) | null) | unknown | unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/statuts-did": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des statut de numéros */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                code: string | null;
                                libelle: string | null;
                                description: string | null;
                                ordre: number | null;
                                /** @description #RRGGBB */
                                couleur: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) statut de numéro */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        libelle: string;
                        description?: string | null;
                        ordre?: number | null;
                        /** @description #RRGGBB */
                        couleur: string;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            ordre: number | null;
                            /** @description #RRGGBB */
                            couleur: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuts-did/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statut de numéro par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            ordre: number | null;
                            /** @description #RRGGBB */
                            couleur: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) statut de numéro (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) statut de numéro (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        libelle?: string;
                        description?: string | null;
                        ordre?: number | null;
                        /** @description #RRGGBB */
                        couleur?: string;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            ordre: number | null;
                            /** @description #RRGGBB */
                            couleur: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/statuts-commande": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des statut de commandes */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                code: string | null;
                                libelle: string | null;
                                description: string | null;
                                ordre: number | null;
                                /** @description #RRGGBB */
                                couleur: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) statut de commande */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        libelle: string;
                        description?: string | null;
                        ordre?: number | null;
                        /** @description #RRGGBB */
                        couleur: string;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            ordre: number | null;
                            /** @description #RRGGBB */
                            couleur: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuts-commande/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statut de commande par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            ordre: number | null;
                            /** @description #RRGGBB */
                            couleur: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) statut de commande (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) statut de commande (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        libelle?: string;
                        description?: string | null;
                        ordre?: number | null;
                        /** @description #RRGGBB */
                        couleur?: string;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            libelle: string | null;
                            description: string | null;
                            ordre: number | null;
                            /** @description #RRGGBB */
                            couleur: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/clouds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des clouds */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Code en majuscules (A-Z, 0-9, _) */
                                code: string | null;
                                nom: string | null;
                                routage: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) cloud */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code: string;
                        nom: string;
                        routage?: string | null;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            routage: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clouds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cloud par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            routage: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) cloud (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) cloud (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code?: string;
                        nom?: string;
                        routage?: string | null;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            routage: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des clients */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Code en majuscules (A-Z, 0-9, _) */
                                code: string | null;
                                nom: string | null;
                                /** @description 14 chiffres */
                                siret: string | null;
                                adresse: string | null;
                                contact_nom: string | null;
                                /** Format: email */
                                contact_email: string | null;
                                contact_tel: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) client */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code: string;
                        nom: string;
                        /** @description 14 chiffres */
                        siret?: string | null;
                        adresse?: string | null;
                        contact_nom?: string | null;
                        /** Format: email */
                        contact_email?: string | null;
                        contact_tel?: string | null;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            /** @description 14 chiffres */
                            siret: string | null;
                            adresse: string | null;
                            contact_nom: string | null;
                            /** Format: email */
                            contact_email: string | null;
                            contact_tel: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            /** @description 14 chiffres */
                            siret: string | null;
                            adresse: string | null;
                            contact_nom: string | null;
                            /** Format: email */
                            contact_email: string | null;
                            contact_tel: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) client (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) client (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code?: string;
                        nom?: string;
                        /** @description 14 chiffres */
                        siret?: string | null;
                        adresse?: string | null;
                        contact_nom?: string | null;
                        /** Format: email */
                        contact_email?: string | null;
                        contact_tel?: string | null;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            nom: string | null;
                            /** @description 14 chiffres */
                            siret: string | null;
                            adresse: string | null;
                            contact_nom: string | null;
                            /** Format: email */
                            contact_email: string | null;
                            contact_tel: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/groupements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des groupements */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    client_id?: number;
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                client_id: number | null;
                                /** @description Code en majuscules (A-Z, 0-9, _) */
                                code: string | null;
                                libelle: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) groupement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: number;
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code: string;
                        libelle: string;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            client_id: number | null;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            libelle: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groupements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Groupement par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            client_id: number | null;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            libelle: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) groupement (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) groupement (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: number;
                        /** @description Code en majuscules (A-Z, 0-9, _) */
                        code?: string;
                        libelle?: string;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            client_id: number | null;
                            /** @description Code en majuscules (A-Z, 0-9, _) */
                            code: string | null;
                            libelle: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/campagnes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des campagnes */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    client_id?: number;
                    code?: string;
                    hermes_id?: string;
                    prospection?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                client_id: number | null;
                                code: string | null;
                                nom: string | null;
                                description: string | null;
                                /** @description Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage) */
                                hermes_id: string | null;
                                /** @description Campagne de prospection : présentation de numéros NPV seulement (ARCEP) */
                                prospection: boolean | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) campagne */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: number;
                        code: string;
                        nom: string;
                        description?: string | null;
                        /** @description Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage) */
                        hermes_id?: string | null;
                        /** @description Campagne de prospection : présentation de numéros NPV seulement (ARCEP) */
                        prospection?: boolean | null;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            client_id: number | null;
                            code: string | null;
                            nom: string | null;
                            description: string | null;
                            /** @description Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage) */
                            hermes_id: string | null;
                            /** @description Campagne de prospection : présentation de numéros NPV seulement (ARCEP) */
                            prospection: boolean | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campagnes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Campagne par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            client_id: number | null;
                            code: string | null;
                            nom: string | null;
                            description: string | null;
                            /** @description Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage) */
                            hermes_id: string | null;
                            /** @description Campagne de prospection : présentation de numéros NPV seulement (ARCEP) */
                            prospection: boolean | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) campagne (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) campagne (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: number;
                        code?: string;
                        nom?: string;
                        description?: string | null;
                        /** @description Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage) */
                        hermes_id?: string | null;
                        /** @description Campagne de prospection : présentation de numéros NPV seulement (ARCEP) */
                        prospection?: boolean | null;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            client_id: number | null;
                            code: string | null;
                            nom: string | null;
                            description: string | null;
                            /** @description Identifiant de la campagne dans Hermes (une ligne, sans « ; » : il est écrit dans les fichiers de routage) */
                            hermes_id: string | null;
                            /** @description Campagne de prospection : présentation de numéros NPV seulement (ARCEP) */
                            prospection: boolean | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/configs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liste des configurations */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    /** @description Lignes par page (max 200) */
                    par_page?: number;
                    /** @description Champ de tri ; préfixe « - » pour l'ordre décroissant */
                    tri?: string;
                    /** @description Recherche libre */
                    q?: string;
                    actif?: boolean;
                    /** @description date_creation ≥ */
                    cree_depuis?: string;
                    /** @description date_creation < */
                    cree_avant?: string;
                    /** @description date_modification ≥ */
                    modifie_depuis?: string;
                    /** @description csv : export de toute la liste filtrée */
                    format?: "json" | "csv";
                    code?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                code: string | null;
                                nom: string | null;
                                description: string | null;
                                /** @description Configuration JSON : clés connues validées, clés personnalisées permises */
                                config: ({
                                    nom_site?: string;
                                    /** @description #RRGGBB */
                                    couleur?: string;
                                    /** Format: uri */
                                    logo?: string;
                                    message_accueil?: string;
                                    horaires?: {
                                        lundi?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                        mardi?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                        mercredi?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                        jeudi?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                        vendredi?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                        samedi?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                        dimanche?: {
                                            /** @description HH:MM */
                                            debut: string;
                                            /** @description HH:MM */
                                            fin: string;
                                        } | null;
                                    };
                                    /** @description Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164 */
                                    redirection_hors_horaires?: string;
                                    options?: {
                                        enregistrement?: boolean;
                                        musique_attente?: boolean;
                                        annonce_position?: boolean;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer un(e) configuration */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        nom: string;
                        description?: string | null;
                        /** @description Configuration JSON : clés connues validées, clés personnalisées permises */
                        config?: ({
                            nom_site?: string;
                            /** @description #RRGGBB */
                            couleur?: string;
                            /** Format: uri */
                            logo?: string;
                            message_accueil?: string;
                            horaires?: {
                                lundi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                mardi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                mercredi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                jeudi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                vendredi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                samedi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                dimanche?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                            };
                            /** @description Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164 */
                            redirection_hors_horaires?: string;
                            options?: {
                                enregistrement?: boolean;
                                musique_attente?: boolean;
                                annonce_position?: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        actif?: boolean | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            nom: string | null;
                            description: string | null;
                            /** @description Configuration JSON : clés connues validées, clés personnalisées permises */
                            config: ({
                                nom_site?: string;
                                /** @description #RRGGBB */
                                couleur?: string;
                                /** Format: uri */
                                logo?: string;
                                message_accueil?: string;
                                horaires?: {
                                    lundi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    mardi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    mercredi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    jeudi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    vendredi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    samedi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    dimanche?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                };
                                /** @description Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164 */
                                redirection_hors_horaires?: string;
                                options?: {
                                    enregistrement?: boolean;
                                    musique_attente?: boolean;
                                    annonce_position?: boolean;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            }) | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/configs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configuration par id */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            nom: string | null;
                            description: string | null;
                            /** @description Configuration JSON : clés connues validées, clés personnalisées permises */
                            config: ({
                                nom_site?: string;
                                /** @description #RRGGBB */
                                couleur?: string;
                                /** Format: uri */
                                logo?: string;
                                message_accueil?: string;
                                horaires?: {
                                    lundi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    mardi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    mercredi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    jeudi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    vendredi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    samedi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    dimanche?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                };
                                /** @description Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164 */
                                redirection_hors_horaires?: string;
                                options?: {
                                    enregistrement?: boolean;
                                    musique_attente?: boolean;
                                    annonce_position?: boolean;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            }) | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un(e) configuration (refusé s'il est encore référencé : désactivez-le plutôt) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier un(e) configuration (If-Match pour éviter d'écraser une modification concurrente) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        nom?: string;
                        description?: string | null;
                        /** @description Configuration JSON : clés connues validées, clés personnalisées permises */
                        config?: ({
                            nom_site?: string;
                            /** @description #RRGGBB */
                            couleur?: string;
                            /** Format: uri */
                            logo?: string;
                            message_accueil?: string;
                            horaires?: {
                                lundi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                mardi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                mercredi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                jeudi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                vendredi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                samedi?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                                dimanche?: {
                                    /** @description HH:MM */
                                    debut: string;
                                    /** @description HH:MM */
                                    fin: string;
                                } | null;
                            };
                            /** @description Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164 */
                            redirection_hors_horaires?: string;
                            options?: {
                                enregistrement?: boolean;
                                musique_attente?: boolean;
                                annonce_position?: boolean;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        }) | null;
                        actif?: boolean;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            code: string | null;
                            nom: string | null;
                            description: string | null;
                            /** @description Configuration JSON : clés connues validées, clés personnalisées permises */
                            config: ({
                                nom_site?: string;
                                /** @description #RRGGBB */
                                couleur?: string;
                                /** Format: uri */
                                logo?: string;
                                message_accueil?: string;
                                horaires?: {
                                    lundi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    mardi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    mercredi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    jeudi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    vendredi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    samedi?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                    dimanche?: {
                                        /** @description HH:MM */
                                        debut: string;
                                        /** @description HH:MM */
                                        fin: string;
                                    } | null;
                                };
                                /** @description Numéro sous toute forme (01 40 00 00 00, +33140000000…), enregistré en E.164 */
                                redirection_hors_horaires?: string;
                                options?: {
                                    enregistrement?: boolean;
                                    musique_attente?: boolean;
                                    annonce_position?: boolean;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            }) | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/dids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inventaire des numéros, avec leurs libellés (opérateur, client, statut et sa couleur...) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    par_page?: number;
                    /** @description Un de : id, did, did_format_e164, statut, client, operateur, type, region, date_acquisition, date_activation, date_resiliation, date_creation, date_modification, cout_mensuel */
                    tri?: string;
                    format?: "json" | "csv";
                    /** @description Code de statut (DISPONIBLE...) */
                    statut?: string;
                    statut_id?: number;
                    client_id?: number;
                    groupement_id?: number;
                    operateur_id?: number;
                    type_id?: number;
                    region_id?: number;
                    equipement_id?: number;
                    cloud_id?: number;
                    indicatif_id?: number;
                    campaign_id?: number;
                    /** @description Numéros acceptés hors des tranches connues (à revoir) */
                    hors_plan?: boolean;
                    tranche_id?: number;
                    /** @description Ces numéros seulement (export d'une sélection) : ids=1&ids=2 */
                    ids?: number[];
                    actif?: boolean;
                    sans_client?: boolean;
                    /** @description Numéro sous toute forme, chiffres partiels, ou texte (description, référence) */
                    q?: string;
                    /** @description AAAA-MM-JJ */
                    acquis_depuis?: string;
                    /** @description AAAA-MM-JJ */
                    acquis_avant?: string;
                    /** @description AAAA-MM-JJ */
                    resilie_depuis?: string;
                    /** @description AAAA-MM-JJ */
                    resilie_avant?: string;
                    modifie_depuis?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                indicatif_id: number;
                                pays: string;
                                indicatif: string;
                                /** @description Numéro national significatif (sans le 0) */
                                did: string;
                                did_format_e164: string;
                                operateur_id: number | null;
                                operateur: string | null;
                                type_id: number | null;
                                type_code: string | null;
                                type: string | null;
                                region_id: number | null;
                                region_code: string | null;
                                region: string | null;
                                equipement_id: number | null;
                                equipement: string | null;
                                client_id: number | null;
                                client_code: string | null;
                                client: string | null;
                                groupement_id: number | null;
                                groupement: string | null;
                                cloud_id: number | null;
                                cloud: string | null;
                                statut_id: number;
                                statut_code: string;
                                statut: string;
                                statut_couleur: string;
                                description: string | null;
                                reference_externe: string | null;
                                date_acquisition: string | null;
                                date_activation: string | null;
                                date_resiliation: string | null;
                                /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                                reutilisable_le: string | null;
                                /**
                                 * Format: date-time
                                 * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                                 */
                                resiliation_prevue_le: string | null;
                                /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                                portee_vers?: string | null;
                                cout_mensuel: number | null;
                                cout_mise_en_service: number | null;
                                notes: string | null;
                                created_by: string | null;
                                modified_by: string | null;
                                actif: boolean;
                                /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                                hors_plan: boolean;
                                /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                                titulaire: "SOCIETE" | "CLIENT";
                                /** @description Tranche de l'opérateur dont vient le numéro */
                                tranche_id: number | null;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                                actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                            }[];
                            /** @description Nombre d'éléments filtrés ; une recherche par chiffres compte au plus 1000 correspondances */
                            total: number;
                            /** @description true : plus de 1000 correspondances, total vaut 1000 ; les pages suivantes se lisent tant qu'elles sont pleines */
                            total_plafonne: boolean;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Ajouter un numéro à l'inventaire (E.164, type et région déduits du numéro) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Le numéro, sous toute forme courante (01 42 68 53 00, +33..., 0033...) */
                        numero: string;
                        /** @description Pays supposé pour un format national (FR par défaut) */
                        pays?: string;
                        indicatif_id?: number;
                        did_format_e164?: string;
                        type_id?: number;
                        region_id?: number | null;
                        client_id?: number | null;
                        statut?: "COMMANDE" | "DISPONIBLE";
                        /** @description Accepter un numéro bien formé hors des tranches connues (bloc récent) : il est marqué hors_plan, à revoir (admin, gestionnaire) */
                        accepter_plages_inconnues?: boolean;
                        operateur_id?: number | null;
                        equipement_id?: number | null;
                        groupement_id?: number | null;
                        cloud_id?: number | null;
                        description?: string | null;
                        reference_externe?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_acquisition?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_activation?: string | null;
                        cout_mensuel?: number | null;
                        cout_mise_en_service?: number | null;
                        notes?: string | null;
                        actif?: boolean;
                        titulaire?: "SOCIETE" | "CLIENT";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            indicatif_id: number;
                            pays: string;
                            indicatif: string;
                            /** @description Numéro national significatif (sans le 0) */
                            did: string;
                            did_format_e164: string;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_id: number | null;
                            type_code: string | null;
                            type: string | null;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            equipement_id: number | null;
                            equipement: string | null;
                            client_id: number | null;
                            client_code: string | null;
                            client: string | null;
                            groupement_id: number | null;
                            groupement: string | null;
                            cloud_id: number | null;
                            cloud: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            description: string | null;
                            reference_externe: string | null;
                            date_acquisition: string | null;
                            date_activation: string | null;
                            date_resiliation: string | null;
                            /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                            reutilisable_le: string | null;
                            /**
                             * Format: date-time
                             * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                             */
                            resiliation_prevue_le: string | null;
                            /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                            portee_vers?: string | null;
                            cout_mensuel: number | null;
                            cout_mise_en_service: number | null;
                            notes: string | null;
                            created_by: string | null;
                            modified_by: string | null;
                            actif: boolean;
                            /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                            hors_plan: boolean;
                            /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                            titulaire: "SOCIETE" | "CLIENT";
                            /** @description Tranche de l'opérateur dont vient le numéro */
                            tranche_id: number | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                            actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un numéro avec ses libellés */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            indicatif_id: number;
                            pays: string;
                            indicatif: string;
                            /** @description Numéro national significatif (sans le 0) */
                            did: string;
                            did_format_e164: string;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_id: number | null;
                            type_code: string | null;
                            type: string | null;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            equipement_id: number | null;
                            equipement: string | null;
                            client_id: number | null;
                            client_code: string | null;
                            client: string | null;
                            groupement_id: number | null;
                            groupement: string | null;
                            cloud_id: number | null;
                            cloud: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            description: string | null;
                            reference_externe: string | null;
                            date_acquisition: string | null;
                            date_activation: string | null;
                            date_resiliation: string | null;
                            /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                            reutilisable_le: string | null;
                            /**
                             * Format: date-time
                             * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                             */
                            resiliation_prevue_le: string | null;
                            /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                            portee_vers?: string | null;
                            cout_mensuel: number | null;
                            cout_mise_en_service: number | null;
                            notes: string | null;
                            created_by: string | null;
                            modified_by: string | null;
                            actif: boolean;
                            /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                            hors_plan: boolean;
                            /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                            titulaire: "SOCIETE" | "CLIENT";
                            /** @description Tranche de l'opérateur dont vient le numéro */
                            tranche_id: number | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                            actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Supprimer un numéro saisi par erreur (409 NUMERO_A_SERVI s'il a eu un client, un changement de statut ou une campagne : résiliez-le) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Modifier les champs descriptifs d'un numéro (le statut et le client changent par les actions) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operateur_id?: number | null;
                        equipement_id?: number | null;
                        groupement_id?: number | null;
                        cloud_id?: number | null;
                        description?: string | null;
                        reference_externe?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_acquisition?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_activation?: string | null;
                        cout_mensuel?: number | null;
                        cout_mise_en_service?: number | null;
                        notes?: string | null;
                        actif?: boolean;
                        titulaire?: "SOCIETE" | "CLIENT";
                        /** @description Un type de la nature du numéro (un « Régionalisé » pour un numéro géographique) */
                        type_id?: number;
                        /** @description null : annuler la résiliation prévue (POST …/actions/resilier avec date_effet la prévoit) */
                        resiliation_prevue_le?: null;
                        /** @description Une région de la zone du numéro, dont le préfixe le commence */
                        region_id?: number | null;
                        version?: number;
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            indicatif_id: number;
                            pays: string;
                            indicatif: string;
                            /** @description Numéro national significatif (sans le 0) */
                            did: string;
                            did_format_e164: string;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_id: number | null;
                            type_code: string | null;
                            type: string | null;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            equipement_id: number | null;
                            equipement: string | null;
                            client_id: number | null;
                            client_code: string | null;
                            client: string | null;
                            groupement_id: number | null;
                            groupement: string | null;
                            cloud_id: number | null;
                            cloud: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            description: string | null;
                            reference_externe: string | null;
                            date_acquisition: string | null;
                            date_activation: string | null;
                            date_resiliation: string | null;
                            /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                            reutilisable_le: string | null;
                            /**
                             * Format: date-time
                             * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                             */
                            resiliation_prevue_le: string | null;
                            /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                            portee_vers?: string | null;
                            cout_mensuel: number | null;
                            cout_mise_en_service: number | null;
                            notes: string | null;
                            created_by: string | null;
                            modified_by: string | null;
                            actif: boolean;
                            /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                            hors_plan: boolean;
                            /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                            titulaire: "SOCIETE" | "CLIENT";
                            /** @description Tranche de l'opérateur dont vient le numéro */
                            tranche_id: number | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                            actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/dids/par-numero/{numero}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un numéro trouvé par sa valeur, sous toute forme (0142685300, +33142685300...) */
        get: {
            parameters: {
                query?: {
                    pays?: string;
                };
                header?: never;
                path: {
                    numero: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            indicatif_id: number;
                            pays: string;
                            indicatif: string;
                            /** @description Numéro national significatif (sans le 0) */
                            did: string;
                            did_format_e164: string;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_id: number | null;
                            type_code: string | null;
                            type: string | null;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            equipement_id: number | null;
                            equipement: string | null;
                            client_id: number | null;
                            client_code: string | null;
                            client: string | null;
                            groupement_id: number | null;
                            groupement: string | null;
                            cloud_id: number | null;
                            cloud: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            description: string | null;
                            reference_externe: string | null;
                            date_acquisition: string | null;
                            date_activation: string | null;
                            date_resiliation: string | null;
                            /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                            reutilisable_le: string | null;
                            /**
                             * Format: date-time
                             * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                             */
                            resiliation_prevue_le: string | null;
                            /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                            portee_vers?: string | null;
                            cout_mensuel: number | null;
                            cout_mise_en_service: number | null;
                            notes: string | null;
                            created_by: string | null;
                            modified_by: string | null;
                            actif: boolean;
                            /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                            hors_plan: boolean;
                            /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                            titulaire: "SOCIETE" | "CLIENT";
                            /** @description Tranche de l'opérateur dont vient le numéro */
                            tranche_id: number | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                            actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/plage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ajouter une plage de numéros (1000 au plus) : tout ou rien ; simulation pour prévisualiser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Premier numéro (toute forme) */
                        debut: string;
                        /** @description Dernier numéro, inclus */
                        fin: string;
                        pays?: string;
                        client_id?: number | null;
                        statut?: "COMMANDE" | "DISPONIBLE";
                        /** @description Accepter une plage hors des tranches connues : ses numéros sont marqués hors_plan */
                        accepter_plages_inconnues?: boolean;
                        operateur_id?: number | null;
                        equipement_id?: number | null;
                        groupement_id?: number | null;
                        cloud_id?: number | null;
                        description?: string | null;
                        reference_externe?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_acquisition?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_activation?: string | null;
                        cout_mensuel?: number | null;
                        cout_mise_en_service?: number | null;
                        notes?: string | null;
                        actif?: boolean;
                        titulaire?: "SOCIETE" | "CLIENT";
                        /** @description Vérifier et lister sans rien créer */
                        simulation?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            simulation: boolean;
                            crees: number;
                            /** @description Les numéros de la plage, en E.164 */
                            numeros: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Faire évoluer le statut d'un numéro : livrer, affecter, liberer, mettre-en-production, arreter-production, resilier, reactiver */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    action: "livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description resilier seulement : quand la résiliation prend effet. À venir, elle est prévue (le numéro reste routé jusque-là, le planificateur l'applique) ; une date seule comprend son jour (fin du jour, heure de Paris) */
                        date_effet?: string;
                        client_id?: number | null;
                        groupement_id?: number | null;
                        /** @description Pourquoi : gardé dans l'historique du numéro */
                        motif?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            indicatif_id: number;
                            pays: string;
                            indicatif: string;
                            /** @description Numéro national significatif (sans le 0) */
                            did: string;
                            did_format_e164: string;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_id: number | null;
                            type_code: string | null;
                            type: string | null;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            equipement_id: number | null;
                            equipement: string | null;
                            client_id: number | null;
                            client_code: string | null;
                            client: string | null;
                            groupement_id: number | null;
                            groupement: string | null;
                            cloud_id: number | null;
                            cloud: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            description: string | null;
                            reference_externe: string | null;
                            date_acquisition: string | null;
                            date_activation: string | null;
                            date_resiliation: string | null;
                            /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                            reutilisable_le: string | null;
                            /**
                             * Format: date-time
                             * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                             */
                            resiliation_prevue_le: string | null;
                            /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                            portee_vers?: string | null;
                            cout_mensuel: number | null;
                            cout_mise_en_service: number | null;
                            notes: string | null;
                            created_by: string | null;
                            modified_by: string | null;
                            actif: boolean;
                            /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                            hors_plan: boolean;
                            /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                            titulaire: "SOCIETE" | "CLIENT";
                            /** @description Tranche de l'opérateur dont vient le numéro */
                            tranche_id: number | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                            actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}/statut": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Passer un numéro à un statut : l'action correspondante de la machine d'états s'applique, ou le passage est refusé */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        statut: "COMMANDE" | "DISPONIBLE" | "AFFECTE" | "UTILISE" | "RESILIE";
                        /** @description resilier seulement : quand la résiliation prend effet. À venir, elle est prévue (le numéro reste routé jusque-là, le planificateur l'applique) ; une date seule comprend son jour (fin du jour, heure de Paris) */
                        date_effet?: string;
                        client_id?: number | null;
                        groupement_id?: number | null;
                        /** @description Pourquoi : gardé dans l'historique du numéro */
                        motif?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            indicatif_id: number;
                            pays: string;
                            indicatif: string;
                            /** @description Numéro national significatif (sans le 0) */
                            did: string;
                            did_format_e164: string;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_id: number | null;
                            type_code: string | null;
                            type: string | null;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            equipement_id: number | null;
                            equipement: string | null;
                            client_id: number | null;
                            client_code: string | null;
                            client: string | null;
                            groupement_id: number | null;
                            groupement: string | null;
                            cloud_id: number | null;
                            cloud: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            description: string | null;
                            reference_externe: string | null;
                            date_acquisition: string | null;
                            date_activation: string | null;
                            date_resiliation: string | null;
                            /** @description Numéro résilié : date de fin du gel, à partir de laquelle un autre client peut l'avoir */
                            reutilisable_le: string | null;
                            /**
                             * Format: date-time
                             * @description En cours de résiliation : l'instant où elle prendra effet (le numéro reste routé jusque-là)
                             */
                            resiliation_prevue_le: string | null;
                            /** @description Parti par portabilité vers cet opérateur : sans gel, il ne revient que par une portabilité entrante */
                            portee_vers?: string | null;
                            cout_mensuel: number | null;
                            cout_mise_en_service: number | null;
                            notes: string | null;
                            created_by: string | null;
                            modified_by: string | null;
                            actif: boolean;
                            /** @description Accepté hors des tranches connues du plan de numérotation : à revoir (la marque s'efface quand elles le connaissent) */
                            hors_plan: boolean;
                            /** @description SOCIETE : numéro attribué à la société (contrat opérateur) ; CLIENT : numéro du client, présenté en sortant sous son mandat seulement */
                            titulaire: "SOCIETE" | "CLIENT";
                            /** @description Tranche de l'opérateur dont vient le numéro */
                            tranche_id: number | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Les actions du cycle de vie que l'appelant peut appliquer à ce numéro dans son statut (aucune sans le droit d'écrire) */
                            actions_possibles: ("livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Action en masse sur une liste de numéros : tout ou rien, avec un compte rendu par numéro */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    action: "livrer" | "affecter" | "liberer" | "mettre-en-production" | "arreter-production" | "resilier" | "reactiver";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                        /** @description resilier seulement : quand la résiliation prend effet. À venir, elle est prévue (le numéro reste routé jusque-là, le planificateur l'applique) ; une date seule comprend son jour (fin du jour, heure de Paris) */
                        date_effet?: string;
                        client_id?: number | null;
                        groupement_id?: number | null;
                        /** @description Pourquoi : gardé dans l'historique du numéro */
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            total: number;
                            resultats: {
                                id: number;
                                ok: boolean;
                                statut: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}/historique": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** L'histoire d'un numéro : statuts, clients, campagnes, configurations, coûts... */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                action: string;
                                champ: string | null;
                                ancienne_valeur: string | null;
                                nouvelle_valeur: string | null;
                                utilisateur: string;
                                motif: string | null;
                                request_id: string | null;
                                /** Format: date-time */
                                date_action: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}/a-l-instant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Qui détenait ce numéro et où allaient ses appels à un instant : statut, client, groupement, campagnes entrante et sortantes, opérateur, tranche, fichiers de routage déployés, chacun avec la ligne d'historique d'où il vient */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 avec décalage, ou une date et une heure de Paris sans décalage (une date seule : 00:00 à Paris) */
                    instant?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            numero: string;
                            /** Format: date-time */
                            instant: string;
                            /** @description Faux : le numéro n'existait pas encore à cet instant */
                            existe: boolean;
                            detenu_par_vous?: boolean | null;
                            message?: string;
                            statut?: {
                                valeur: string | null;
                                /** @description La ligne d'historique d'où vient la valeur (vide : avant la première ligne, ou sans historique) */
                                ligne: {
                                    id: number;
                                    action: string;
                                    /** Format: date-time */
                                    date_action: string;
                                    utilisateur: string;
                                    motif: string | null;
                                } | null;
                            };
                            client?: {
                                valeur: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description La ligne d'historique d'où vient la valeur (vide : avant la première ligne, ou sans historique) */
                                ligne: {
                                    id: number;
                                    action: string;
                                    /** Format: date-time */
                                    date_action: string;
                                    utilisateur: string;
                                    motif: string | null;
                                } | null;
                            };
                            groupement?: {
                                valeur: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description La ligne d'historique d'où vient la valeur (vide : avant la première ligne, ou sans historique) */
                                ligne: {
                                    id: number;
                                    action: string;
                                    /** Format: date-time */
                                    date_action: string;
                                    utilisateur: string;
                                    motif: string | null;
                                } | null;
                            };
                            operateur?: {
                                valeur: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description La ligne d'historique d'où vient la valeur (vide : avant la première ligne, ou sans historique) */
                                ligne: {
                                    id: number;
                                    action: string;
                                    /** Format: date-time */
                                    date_action: string;
                                    utilisateur: string;
                                    motif: string | null;
                                } | null;
                            };
                            tranche?: {
                                valeur: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description La ligne d'historique d'où vient la valeur (vide : avant la première ligne, ou sans historique) */
                                ligne: {
                                    id: number;
                                    action: string;
                                    /** Format: date-time */
                                    date_action: string;
                                    utilisateur: string;
                                    motif: string | null;
                                } | null;
                            };
                            entrant?: {
                                affectation_id: number;
                                campagne: {
                                    id: number;
                                    code: string;
                                    hermes_id: string | null;
                                };
                                config_code: string | null;
                                config: {
                                    [key: string]: unknown;
                                } | null;
                                alias: string | null;
                                /** Format: date-time */
                                date_debut: string;
                                /** Format: date-time */
                                date_fin: string | null;
                            } | null;
                            sortants?: {
                                affectation_id: number;
                                campagne: {
                                    id: number;
                                    code: string;
                                    nom: string;
                                };
                                priorite: number | null;
                                fondement: string | null;
                                mandat_id: number | null;
                                presente: boolean;
                                raison: string | null;
                            }[];
                            /** @description Chaque fichier de routage déployé à cet instant (vide pour qui ne voit pas la publication) */
                            routage?: {
                                fichier: string;
                                version: number;
                                type: string;
                                /** Format: date-time */
                                date_publication: string;
                            }[] | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/a-l-instant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La même question pour une liste de numéros, ou pour les numéros d'un client, en CSV (rapport d'abus) ou JSON ; 5000 numéros au plus */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 avec décalage, ou une date et une heure de Paris sans décalage (une date seule : 00:00 à Paris) */
                    instant?: string;
                    /** @description Numéros séparés par des virgules, sous toute forme */
                    numeros?: string;
                    client_id?: number;
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/affectations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Affectations des numéros aux campagnes Hermes (DID_VIRTUAL) */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    par_page?: number;
                    did_id?: number;
                    /**
                     * @description Les affectations de l'un de ces numéros (ids séparés par des virgules, 200 au plus)
                     * @example 12,15,80
                     */
                    did_ids?: string;
                    campaign_id?: number;
                    config_id?: number;
                    client_id?: number;
                    /** @description true : en vigueur maintenant */
                    courante?: boolean;
                    entrant?: boolean;
                    sortant?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                did_id: number;
                                did_format_e164: string;
                                client_id: number;
                                campaign_id: number;
                                campaign_code: string;
                                hermes_id: string | null;
                                config_id: number | null;
                                config_code: string | null;
                                alias: string | null;
                                priorite: number;
                                /** Format: date-time */
                                date_debut: string;
                                /** Format: date-time */
                                date_fin: string | null;
                                entrant: boolean;
                                sortant: boolean;
                                courante: boolean;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Affecter un numéro du client à une de ses campagnes (entrant et/ou sortant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        did_id: number;
                        campaign_id: number;
                        /**
                         * @description ISO 8601 avec décalage (2024-03-31T00:00:00+01:00), ou une date seule : minuit, heure de Paris
                         * @example 2024-03-31
                         * @example 2024-03-31T00:00:00+01:00
                         */
                        date_debut?: string;
                        config_id?: number | null;
                        /** @description Une ligne, sans « ; » : l'alias est écrit dans les fichiers de routage */
                        alias?: string | null;
                        priorite?: number;
                        /**
                         * @description ISO 8601 avec décalage (2024-03-31T00:00:00+01:00), ou une date seule : minuit, heure de Paris
                         * @example 2024-03-31
                         * @example 2024-03-31T00:00:00+01:00
                         */
                        date_fin?: string | null;
                        entrant?: boolean;
                        sortant?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            did_id: number;
                            did_format_e164: string;
                            client_id: number;
                            campaign_id: number;
                            campaign_code: string;
                            hermes_id: string | null;
                            config_id: number | null;
                            config_code: string | null;
                            alias: string | null;
                            priorite: number;
                            /** Format: date-time */
                            date_debut: string;
                            /** Format: date-time */
                            date_fin: string | null;
                            entrant: boolean;
                            sortant: boolean;
                            courante: boolean;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/affectations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une affectation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            did_id: number;
                            did_format_e164: string;
                            client_id: number;
                            campaign_id: number;
                            campaign_code: string;
                            hermes_id: string | null;
                            config_id: number | null;
                            config_code: string | null;
                            alias: string | null;
                            priorite: number;
                            /** Format: date-time */
                            date_debut: string;
                            /** Format: date-time */
                            date_fin: string | null;
                            entrant: boolean;
                            sortant: boolean;
                            courante: boolean;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier une affectation (configuration, alias, priorité, fin, sens) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config_id?: number | null;
                        /** @description Une ligne, sans « ; » : l'alias est écrit dans les fichiers de routage */
                        alias?: string | null;
                        priorite?: number;
                        /**
                         * @description ISO 8601 avec décalage (2024-03-31T00:00:00+01:00), ou une date seule : minuit, heure de Paris
                         * @example 2024-03-31
                         * @example 2024-03-31T00:00:00+01:00
                         */
                        date_fin?: string | null;
                        entrant?: boolean;
                        sortant?: boolean;
                        actif?: boolean;
                        version?: number;
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            did_id: number;
                            did_format_e164: string;
                            client_id: number;
                            campaign_id: number;
                            campaign_code: string;
                            hermes_id: string | null;
                            config_id: number | null;
                            config_code: string | null;
                            alias: string | null;
                            priorite: number;
                            /** Format: date-time */
                            date_debut: string;
                            /** Format: date-time */
                            date_fin: string | null;
                            entrant: boolean;
                            sortant: boolean;
                            courante: boolean;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/affectations/{id}/terminer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminer une affectation (maintenant, ou à une date) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description ISO 8601 avec décalage (2024-03-31T00:00:00+01:00), ou une date seule : minuit, heure de Paris
                         * @example 2024-03-31
                         * @example 2024-03-31T00:00:00+01:00
                         */
                        date_fin?: string;
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            did_id: number;
                            did_format_e164: string;
                            client_id: number;
                            campaign_id: number;
                            campaign_code: string;
                            hermes_id: string | null;
                            config_id: number | null;
                            config_code: string | null;
                            alias: string | null;
                            priorite: number;
                            /** Format: date-time */
                            date_debut: string;
                            /** Format: date-time */
                            date_fin: string | null;
                            entrant: boolean;
                            sortant: boolean;
                            courante: boolean;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commandes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Demandes de commande de numéros */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    par_page?: number;
                    tri?: string;
                    /** @description Un statut, ou plusieurs séparés par des virgules (SOUMISE,VALIDEE,EN_COURS : à traiter) */
                    statut?: string;
                    client_id?: number;
                    type_did_id?: number;
                    region_id?: number;
                    operateur_id?: number;
                    urgence?: "BASSE" | "NORMALE" | "HAUTE" | "URGENTE";
                    q?: string;
                    cree_depuis?: string;
                    cree_avant?: string;
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                reference: string;
                                client_id: number;
                                client: string;
                                groupement_id: number | null;
                                groupement: string | null;
                                demandeur_nom: string;
                                demandeur_email: string | null;
                                demandeur_tel: string | null;
                                operateur_id: number | null;
                                operateur: string | null;
                                type_did_id: number;
                                type_code: string;
                                type: string;
                                region_id: number | null;
                                region_code: string | null;
                                region: string | null;
                                quantite: number;
                                quantite_livree: number;
                                prefixe_souhaite: string | null;
                                motif: string | null;
                                urgence: string;
                                date_souhaitee: string | null;
                                statut_id: number;
                                statut_code: string;
                                statut: string;
                                statut_couleur: string;
                                valideur_nom: string | null;
                                /** Format: date-time */
                                date_validation: string | null;
                                commentaire_validation: string | null;
                                reference_operateur: string | null;
                                /** @description Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés */
                                cout_mensuel: number | null;
                                /** @description Frais de mise en service d'un numéro (€), reportés sur les numéros livrés */
                                cout_mise_en_service: number | null;
                                /** Format: date-time */
                                date_livraison: string | null;
                                created_by: string | null;
                                actif: boolean;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action} */
                                actions_possibles?: ("soumettre" | "annuler" | "retirer" | "valider" | "rejeter" | "demarrer" | "livrer")[];
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer une demande de commande (brouillon) ; référence CMD-<année>-<n°> attribuée sans trou */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: number;
                        type_did_id: number;
                        /** @description 1 à 1000 numéros */
                        quantite: number;
                        groupement_id?: number | null;
                        demandeur_nom?: string;
                        /** Format: email */
                        demandeur_email?: string | null;
                        demandeur_tel?: string | null;
                        operateur_id?: number | null;
                        region_id?: number | null;
                        prefixe_souhaite?: string | null;
                        motif?: string | null;
                        urgence?: "BASSE" | "NORMALE" | "HAUTE" | "URGENTE";
                        /** Format: date */
                        date_souhaitee?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            groupement_id: number | null;
                            groupement: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            demandeur_tel: string | null;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_did_id: number;
                            type_code: string;
                            type: string;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            quantite: number;
                            quantite_livree: number;
                            prefixe_souhaite: string | null;
                            motif: string | null;
                            urgence: string;
                            date_souhaitee: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            valideur_nom: string | null;
                            /** Format: date-time */
                            date_validation: string | null;
                            commentaire_validation: string | null;
                            reference_operateur: string | null;
                            /** @description Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés */
                            cout_mensuel: number | null;
                            /** @description Frais de mise en service d'un numéro (€), reportés sur les numéros livrés */
                            cout_mise_en_service: number | null;
                            /** Format: date-time */
                            date_livraison: string | null;
                            created_by: string | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action} */
                            actions_possibles?: ("soumettre" | "annuler" | "retirer" | "valider" | "rejeter" | "demarrer" | "livrer")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commandes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une commande avec ses numéros livrés et ses commentaires */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            groupement_id: number | null;
                            groupement: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            demandeur_tel: string | null;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_did_id: number;
                            type_code: string;
                            type: string;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            quantite: number;
                            quantite_livree: number;
                            prefixe_souhaite: string | null;
                            motif: string | null;
                            urgence: string;
                            date_souhaitee: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            valideur_nom: string | null;
                            /** Format: date-time */
                            date_validation: string | null;
                            commentaire_validation: string | null;
                            reference_operateur: string | null;
                            /** @description Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés */
                            cout_mensuel: number | null;
                            /** @description Frais de mise en service d'un numéro (€), reportés sur les numéros livrés */
                            cout_mise_en_service: number | null;
                            /** Format: date-time */
                            date_livraison: string | null;
                            created_by: string | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action} */
                            actions_possibles?: ("soumettre" | "annuler" | "retirer" | "valider" | "rejeter" | "demarrer" | "livrer")[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                /** @description Le nom de la personne quand l'auteur est un compte (auteur : son identifiant) */
                                auteur_nom?: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            numeros: {
                                id: number;
                                did_format_e164: string;
                                statut_code: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier un brouillon de commande */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: number;
                        type_did_id?: number;
                        /** @description 1 à 1000 numéros */
                        quantite?: number;
                        version?: number;
                        groupement_id?: number | null;
                        demandeur_nom?: string;
                        /** Format: email */
                        demandeur_email?: string | null;
                        demandeur_tel?: string | null;
                        operateur_id?: number | null;
                        region_id?: number | null;
                        prefixe_souhaite?: string | null;
                        motif?: string | null;
                        urgence?: "BASSE" | "NORMALE" | "HAUTE" | "URGENTE";
                        /** Format: date */
                        date_souhaitee?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            groupement_id: number | null;
                            groupement: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            demandeur_tel: string | null;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_did_id: number;
                            type_code: string;
                            type: string;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            quantite: number;
                            quantite_livree: number;
                            prefixe_souhaite: string | null;
                            motif: string | null;
                            urgence: string;
                            date_souhaitee: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            valideur_nom: string | null;
                            /** Format: date-time */
                            date_validation: string | null;
                            commentaire_validation: string | null;
                            reference_operateur: string | null;
                            /** @description Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés */
                            cout_mensuel: number | null;
                            /** @description Frais de mise en service d'un numéro (€), reportés sur les numéros livrés */
                            cout_mise_en_service: number | null;
                            /** Format: date-time */
                            date_livraison: string | null;
                            created_by: string | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action} */
                            actions_possibles?: ("soumettre" | "annuler" | "retirer" | "valider" | "rejeter" | "demarrer" | "livrer")[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/commandes/{id}/commentaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ajouter un commentaire libre à une commande */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commentaire: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            auteur: string;
                            /** @description Le nom de la personne quand l'auteur est un compte (auteur : son identifiant) */
                            auteur_nom?: string;
                            commentaire: string;
                            type: string;
                            /** Format: date-time */
                            date_creation: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commandes/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Faire avancer une commande : soumettre, annuler (brouillon), retirer (le demandeur, commande soumise), valider, rejeter (motif), demarrer (référence, opérateur et prix chez l'opérateur, reportés sur les numéros livrés), livrer ; actions_possibles dit lesquelles l'appelant peut faire */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    action: "soumettre" | "annuler" | "retirer" | "valider" | "rejeter" | "demarrer" | "livrer";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commentaire?: string;
                        reference_operateur?: string;
                        operateur_id?: number;
                        cout_mensuel?: number | null;
                        cout_mise_en_service?: number | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            groupement_id: number | null;
                            groupement: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            demandeur_tel: string | null;
                            operateur_id: number | null;
                            operateur: string | null;
                            type_did_id: number;
                            type_code: string;
                            type: string;
                            region_id: number | null;
                            region_code: string | null;
                            region: string | null;
                            quantite: number;
                            quantite_livree: number;
                            prefixe_souhaite: string | null;
                            motif: string | null;
                            urgence: string;
                            date_souhaitee: string | null;
                            statut_id: number;
                            statut_code: string;
                            statut: string;
                            statut_couleur: string;
                            valideur_nom: string | null;
                            /** Format: date-time */
                            date_validation: string | null;
                            commentaire_validation: string | null;
                            reference_operateur: string | null;
                            /** @description Prix mensuel d'un numéro chez l'opérateur (€), reporté sur les numéros livrés */
                            cout_mensuel: number | null;
                            /** @description Frais de mise en service d'un numéro (€), reportés sur les numéros livrés */
                            cout_mise_en_service: number | null;
                            /** Format: date-time */
                            date_livraison: string | null;
                            created_by: string | null;
                            actif: boolean;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Ce que l'appelant peut faire sur cette commande maintenant (d'après son statut et ses droits) : POST /commandes/{id}/actions/{action} */
                            actions_possibles?: ("soumettre" | "annuler" | "retirer" | "valider" | "rejeter" | "demarrer" | "livrer")[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commandes/{id}/livraisons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Saisir les numéros reçus (liste ou plages 0162100000-0162100099) ; simulation pour prévisualiser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        numeros: string | string[];
                        /** @description Accepter plus de numéros que commandés */
                        depassement?: boolean;
                        /** @description Clore la livraison : la commande passe à LIVREE, ses numéros sont livrés et affectés au client de la commande */
                        terminer?: boolean;
                        /** @description Accepter des numéros d'un bloc que le plan de numérotation connu n'a pas encore : marqués hors_plan, à revoir */
                        accepter_plages_inconnues?: boolean;
                        /** @description Vérifier sans rien enregistrer */
                        simulation?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            livres: string[];
                            deja_livres: number;
                            simulation: boolean;
                            /** @description Tranche créée par cette livraison (numéros contigus d'un même opérateur) */
                            tranche_id?: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites-sortantes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Portabilités sortantes enregistrées, les plus récentes d'abord */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    par_page?: number;
                    client_id?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                client_id: number;
                                client: string;
                                operateur_receveur: string;
                                /** Format: date-time */
                                effet: string;
                                statut: string;
                                notes: string | null;
                                created_by: string | null;
                                /** Format: date-time */
                                date_creation: string;
                                nombre: number;
                                /** @description Les 20 premiers */
                                numeros: string[];
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Enregistrer une portabilité sortante : à cet instant le routage s'arrête dans les deux sens, les affectations finissent, le numéro est résilié « portée vers <opérateur> », sans gel ni réemploi ; les numéros que le client ne détient pas sont refusés, listés */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: number;
                        operateur_receveur: string;
                        /**
                         * @description Date et heure ISO 8601 ; sans décalage, heure de Paris (2027-03-15T08:00)
                         * @example 2027-03-15T08:00
                         * @example 2027-03-15T08:00:00+01:00
                         */
                        effet: string;
                        numeros: string[];
                        notes?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites-sortantes/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Avant son instant : déplacer une portabilité sortante (effet : le routage suit) ou l'annuler (les affectations reviennent comme elles étaient) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    action: "deplacer" | "annuler";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Date et heure ISO 8601 ; sans décalage, heure de Paris (2027-03-15T08:00)
                         * @example 2027-03-15T08:00
                         * @example 2027-03-15T08:00:00+01:00
                         */
                        effet?: string;
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}/numeros": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ajouter des numéros ou des plages : tout ou rien, les refusés listés */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        numeros: {
                            /** @description Un numéro, ou une plage SDA « 0142687700-0142687709 » */
                            numero: string;
                            /** @description RIO (12 caractères), s'il y en a un */
                            rio?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}/numeros/retirer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retirer des numéros de la demande (avant la soumission ; le personnel jusqu'à la bascule) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}/numeros/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ajouter les numéros d'un fichier CSV ou XLSX (colonnes numero, rio ; mêmes correspondances que les autres imports) : tout ou rien */
        post: {
            parameters: {
                query?: {
                    /** @description Correspondances champ → colonne du fichier, en JSON : {"numero":"NDI","prix":"Prix HT"}. Sans elles, les noms connus sont reconnus. */
                    colonnes?: string;
                    /** @description Refuser un fichier dont une colonne ne sert à rien */
                    strict?: boolean;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ajoutes: number;
                            colonnes_ignorees: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}/numeros/{ligne}/preparation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Préparer un numéro avant la bascule : type, groupement, coûts, affectations entrante et sortante (vérifiées comme une affectation) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    ligne: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        type_id?: number | null;
                        groupement_id?: number | null;
                        cout_mensuel?: number | null;
                        cout_mise_en_service?: number | null;
                        description?: string | null;
                        entrant?: {
                            campaign_id: number;
                            config_id?: number | null;
                            alias?: string | null;
                            priorite?: number;
                        } | null;
                        sortant?: {
                            campaign_id: number;
                            config_id?: number | null;
                            alias?: string | null;
                            priorite?: number;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Demandes de portabilité entrante, les bascules à venir d'abord (un client ne voit que les siennes) */
        get: {
            parameters: {
                query?: {
                    /** @description Page, à partir de 1 */
                    page?: number;
                    par_page?: number;
                    statut?: string;
                    client_id?: number;
                    q?: string;
                    /** @description Le calendrier : bascules à partir de cet instant */
                    bascule_depuis?: string;
                    bascule_avant?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                reference: string;
                                client_id: number;
                                client: string;
                                operateur_donneur: string;
                                operateur_id: number;
                                operateur: string;
                                statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                                date_souhaitee: string | null;
                                /** Format: date-time */
                                bascule_le: string | null;
                                motif_rejet: string | null;
                                notes: string | null;
                                demandeur_nom: string;
                                demandeur_email: string | null;
                                mandat_nom: string | null;
                                mandat_taille: number | null;
                                mandat_sha256: string | null;
                                mandat_signataire: string | null;
                                mandat_id: number | null;
                                erreur_bascule: string | null;
                                created_by: string | null;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                nombre: number;
                                rejetes: number;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Créer une demande de portabilité entrante (brouillon) avec ses numéros ; référence POR-<année>-<n°> */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: number;
                        /** @description L'opérateur qui a les numéros aujourd'hui */
                        operateur_donneur: string;
                        operateur_id: number;
                        /** Format: date */
                        date_souhaitee?: string | null;
                        notes?: string | null;
                        demandeur_nom?: string;
                        /** Format: email */
                        demandeur_email?: string | null;
                        mandat_signataire?: string | null;
                        numeros?: {
                            /** @description Un numéro, ou une plage SDA « 0142687700-0142687709 » */
                            numero: string;
                            /** @description RIO (12 caractères), s'il y en a un */
                            rio?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/apercu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Aperçu des numéros d'une demande avant de l'enregistrer : nouveau, revient, dans une de nos tranches, déjà chez nous, détenu par un autre client, déjà demandé, illisible (RIO vérifié) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: number;
                        numeros: {
                            /** @description Un numéro, ou une plage SDA « 0142687700-0142687709 » */
                            numero: string;
                            /** @description RIO (12 caractères), s'il y en a un */
                            rio?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            numeros: {
                                saisie: string;
                                numero: string | null;
                                national: string | null;
                                rio: string | null;
                                classe: string;
                                message: string;
                                accepte: boolean;
                            }[];
                            acceptes: number;
                            refuses: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une demande : ses numéros (statut, préparation, prêt à router), son fil, les actions possibles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier une demande (brouillon ; le personnel jusqu'à la bascule) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description L'opérateur qui a les numéros aujourd'hui */
                        operateur_donneur?: string;
                        operateur_id?: number;
                        /** Format: date */
                        date_souhaitee?: string | null;
                        notes?: string | null;
                        demandeur_nom?: string;
                        /** Format: email */
                        demandeur_email?: string | null;
                        mandat_signataire?: string | null;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portabilites/{id}/mandat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le mandat de portabilité signé (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Déposer le mandat de portabilité signé par le client (PDF, corps application/pdf) ; SHA-256 gardée */
        put: {
            parameters: {
                query?: {
                    nom?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}/commentaires": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ajouter un commentaire au fil de la demande */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commentaire: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portabilites/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Faire avancer une demande : soumettre, annuler, confirmer (bascule_le, ou la déplacer), rejeter (motif), rejeter-numeros (numero_ids, motif), echec (motif : rien ne reste en service) ; seul le personnel confirme, rejette et déclare un échec */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    action: "soumettre" | "annuler" | "confirmer" | "rejeter" | "rejeter-numeros" | "echec";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        commentaire?: string;
                        /** @description Date et heure ISO 8601 ; sans décalage, heure de Paris */
                        bascule_le?: string;
                        numero_ids?: number[];
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            reference: string;
                            client_id: number;
                            client: string;
                            operateur_donneur: string;
                            operateur_id: number;
                            operateur: string;
                            statut: "BROUILLON" | "SOUMISE" | "DATE_CONFIRMEE" | "PORTEE" | "REJETEE" | "ANNULEE";
                            date_souhaitee: string | null;
                            /** Format: date-time */
                            bascule_le: string | null;
                            motif_rejet: string | null;
                            notes: string | null;
                            demandeur_nom: string;
                            demandeur_email: string | null;
                            mandat_nom: string | null;
                            mandat_taille: number | null;
                            mandat_sha256: string | null;
                            mandat_signataire: string | null;
                            mandat_id: number | null;
                            erreur_bascule: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nombre: number;
                            rejetes: number;
                            numeros: {
                                id: number;
                                numero: string;
                                national: string;
                                rio: string | null;
                                statut: "EN_ATTENTE" | "REJETE" | "PORTE";
                                motif_rejet: string | null;
                                preparation: {
                                    type_id?: number | null;
                                    groupement_id?: number | null;
                                    cout_mensuel?: number | null;
                                    cout_mise_en_service?: number | null;
                                    description?: string | null;
                                    entrant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                    sortant?: {
                                        campaign_id: number;
                                        config_id?: number | null;
                                        alias?: string | null;
                                        priorite?: number;
                                    } | null;
                                } | null;
                                controle: {
                                    type: boolean;
                                    entrant: boolean;
                                    sortant: boolean;
                                    mandat: boolean;
                                    date: boolean;
                                    /** @description Prêt à router à la bascule : type, campagne entrante, mandat et date */
                                    pret: boolean;
                                };
                                did_id: number | null;
                            }[];
                            commentaires: {
                                id: number;
                                auteur: string;
                                commentaire: string;
                                type: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            actions_possibles: string[];
                            modifiable: boolean;
                            preparable: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tranches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tranches de numéros reçues des opérateurs, avec leur occupation par statut */
        get: {
            parameters: {
                query?: {
                    operateur_id?: number;
                    /** @description Faux : tranches restituées */
                    actif?: boolean;
                    /** @description Numéro, sous toute forme usuelle */
                    contient?: string;
                    page?: number;
                    par_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                operateur_id: number;
                                operateur_code: string;
                                operateur: string;
                                reference_operateur: string | null;
                                /** @description Premier numéro (E.164) */
                                premier: string;
                                /** @description Dernier numéro (E.164) */
                                dernier: string;
                                taille: number;
                                date_reception: string;
                                commande_id: number | null;
                                commande_reference: string | null;
                                notes: string | null;
                                /** @description Faux une fois la tranche restituée à l'opérateur */
                                actif: boolean;
                                created_by: string | null;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Numéros de la tranche dans l'inventaire, par statut */
                                usage: {
                                    [key: string]: number;
                                };
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Enregistrer une tranche : les numéros de sa plage déjà en inventaire y sont rattachés, les autres créés en stock avec creer_numeros */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operateur_id: number;
                        reference_operateur?: string | null;
                        /** @description Numéro, sous toute forme usuelle */
                        premier: string;
                        /** @description Numéro, sous toute forme usuelle */
                        dernier: string;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_reception?: string;
                        commande_id?: number | null;
                        notes?: string | null;
                        /** @description Créer en stock (Disponible) les numéros de la plage absents de l'inventaire */
                        creer_numeros?: boolean;
                        accepter_plages_inconnues?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @description Numéros déjà en inventaire rattachés à la tranche */
                            attaches: string[];
                            /** @description Numéros créés en stock */
                            crees: string[];
                            /** @description Numéros rattachés dont la fiche nomme un autre opérateur (à vérifier) */
                            operateur_different: string[];
                            tranche: {
                                id: number;
                                operateur_id: number;
                                operateur_code: string;
                                operateur: string;
                                reference_operateur: string | null;
                                /** @description Premier numéro (E.164) */
                                premier: string;
                                /** @description Dernier numéro (E.164) */
                                dernier: string;
                                taille: number;
                                date_reception: string;
                                commande_id: number | null;
                                commande_reference: string | null;
                                notes: string | null;
                                /** @description Faux une fois la tranche restituée à l'opérateur */
                                actif: boolean;
                                created_by: string | null;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                /** @description Numéros de la tranche dans l'inventaire, par statut */
                                usage: {
                                    [key: string]: number;
                                };
                                /** @description Numéros de la plage absents de l'inventaire */
                                hors_inventaire: number;
                                /** @description Somme des coûts mensuels des numéros non résiliés (admin et gestionnaire) */
                                cout_mensuel: number | null;
                                clients: {
                                    id: number;
                                    code: string;
                                    nom: string;
                                    numeros: number;
                                }[];
                                /** @description Dix premiers numéros disponibles */
                                prochains_libres: string[];
                                /** @description Aucun numéro tenu par un client : la tranche peut être rendue */
                                restituable: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tranches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une tranche : occupation, numéros libres, coût mensuel, clients qui en tiennent des numéros */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            operateur_id: number;
                            operateur_code: string;
                            operateur: string;
                            reference_operateur: string | null;
                            /** @description Premier numéro (E.164) */
                            premier: string;
                            /** @description Dernier numéro (E.164) */
                            dernier: string;
                            taille: number;
                            date_reception: string;
                            commande_id: number | null;
                            commande_reference: string | null;
                            notes: string | null;
                            /** @description Faux une fois la tranche restituée à l'opérateur */
                            actif: boolean;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Numéros de la tranche dans l'inventaire, par statut */
                            usage: {
                                [key: string]: number;
                            };
                            /** @description Numéros de la plage absents de l'inventaire */
                            hors_inventaire: number;
                            /** @description Somme des coûts mensuels des numéros non résiliés (admin et gestionnaire) */
                            cout_mensuel: number | null;
                            clients: {
                                id: number;
                                code: string;
                                nom: string;
                                numeros: number;
                            }[];
                            /** @description Dix premiers numéros disponibles */
                            prochains_libres: string[];
                            /** @description Aucun numéro tenu par un client : la tranche peut être rendue */
                            restituable: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier la référence opérateur, la date de réception ou les notes d'une tranche */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reference_operateur?: string | null;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_reception?: string;
                        notes?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            operateur_id: number;
                            operateur_code: string;
                            operateur: string;
                            reference_operateur: string | null;
                            /** @description Premier numéro (E.164) */
                            premier: string;
                            /** @description Dernier numéro (E.164) */
                            dernier: string;
                            taille: number;
                            date_reception: string;
                            commande_id: number | null;
                            commande_reference: string | null;
                            notes: string | null;
                            /** @description Faux une fois la tranche restituée à l'opérateur */
                            actif: boolean;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            /** @description Numéros de la tranche dans l'inventaire, par statut */
                            usage: {
                                [key: string]: number;
                            };
                            /** @description Numéros de la plage absents de l'inventaire */
                            hors_inventaire: number;
                            /** @description Somme des coûts mensuels des numéros non résiliés (admin et gestionnaire) */
                            cout_mensuel: number | null;
                            clients: {
                                id: number;
                                code: string;
                                nom: string;
                                numeros: number;
                            }[];
                            /** @description Dix premiers numéros disponibles */
                            prochains_libres: string[];
                            /** @description Aucun numéro tenu par un client : la tranche peut être rendue */
                            restituable: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tranches/{id}/prochain-libre": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les n premiers numéros disponibles (en stock) de la tranche, dans l'ordre des numéros */
        get: {
            parameters: {
                query?: {
                    n?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                numero: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tranches/{id}/restitution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rendre la tranche à l'opérateur : ses numéros sont résiliés par le cycle de vie (gel compris) ; refusé tant qu'un client en tient un */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Sans elle, la réponse 409 dit ce qui serait résilié */
                        confirmer?: boolean;
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            resilies: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mandats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mandats des clients : le droit de présenter leurs numéros en appel sortant */
        get: {
            parameters: {
                query?: {
                    client_id?: number;
                    actif?: boolean;
                    /** @description Dernier jour ≤ (AAAA-MM-JJ) */
                    fin_avant?: string;
                    page?: number;
                    par_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                client_id: number;
                                client_code: string;
                                client: string;
                                reference: string | null;
                                signataire: string;
                                /** @description Premier jour couvert (00:00, heure de Paris) */
                                date_debut: string;
                                /** @description Dernier jour couvert : le mandat cesse à minuit, heure de Paris */
                                date_fin: string | null;
                                document_nom: string | null;
                                document_taille: number | null;
                                document_sha256: string | null;
                                /** Format: date-time */
                                alerte_30_le: string | null;
                                /** Format: date-time */
                                alerte_7_le: string | null;
                                notes: string | null;
                                /** @description Faux : mandat révoqué */
                                actif: boolean;
                                created_by: string | null;
                                version: number;
                                /** Format: date-time */
                                date_creation: string;
                                /** Format: date-time */
                                date_modification: string;
                                nb_numeros: number;
                                nb_tranches: number;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Enregistrer le mandat d'un client (numéros ou tranches couverts, dates, signataire) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: number;
                        reference?: string | null;
                        signataire: string;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_debut: string;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_fin?: string | null;
                        /** @description Numéros couverts, sous toute forme usuelle (plages « 0184880100-0184880199 » comprises) */
                        numeros?: string[];
                        tranche_ids?: number[];
                        notes?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            client_id: number;
                            client_code: string;
                            client: string;
                            reference: string | null;
                            signataire: string;
                            /** @description Premier jour couvert (00:00, heure de Paris) */
                            date_debut: string;
                            /** @description Dernier jour couvert : le mandat cesse à minuit, heure de Paris */
                            date_fin: string | null;
                            document_nom: string | null;
                            document_taille: number | null;
                            document_sha256: string | null;
                            /** Format: date-time */
                            alerte_30_le: string | null;
                            /** Format: date-time */
                            alerte_7_le: string | null;
                            notes: string | null;
                            /** @description Faux : mandat révoqué */
                            actif: boolean;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nb_numeros: number;
                            nb_tranches: number;
                            numeros: {
                                id: number;
                                numero: string;
                                titulaire: string;
                            }[];
                            tranches: {
                                id: number;
                                premier: string;
                                dernier: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mandats/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un mandat et ce qu'il couvre */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            client_id: number;
                            client_code: string;
                            client: string;
                            reference: string | null;
                            signataire: string;
                            /** @description Premier jour couvert (00:00, heure de Paris) */
                            date_debut: string;
                            /** @description Dernier jour couvert : le mandat cesse à minuit, heure de Paris */
                            date_fin: string | null;
                            document_nom: string | null;
                            document_taille: number | null;
                            document_sha256: string | null;
                            /** Format: date-time */
                            alerte_30_le: string | null;
                            /** Format: date-time */
                            alerte_7_le: string | null;
                            notes: string | null;
                            /** @description Faux : mandat révoqué */
                            actif: boolean;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nb_numeros: number;
                            nb_tranches: number;
                            numeros: {
                                id: number;
                                numero: string;
                                titulaire: string;
                            }[];
                            tranches: {
                                id: number;
                                premier: string;
                                dernier: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Modifier un mandat : prolonger, révoquer (actif=false), ajouter des numéros ou des tranches */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reference?: string | null;
                        signataire?: string;
                        /**
                         * Format: date
                         * @description AAAA-MM-JJ
                         */
                        date_fin?: string | null;
                        notes?: string | null;
                        /** @description false : révoquer le mandat immédiatement */
                        actif?: boolean;
                        /** @description Numéros couverts, sous toute forme usuelle (plages « 0184880100-0184880199 » comprises) */
                        ajouter_numeros?: string[];
                        ajouter_tranche_ids?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            client_id: number;
                            client_code: string;
                            client: string;
                            reference: string | null;
                            signataire: string;
                            /** @description Premier jour couvert (00:00, heure de Paris) */
                            date_debut: string;
                            /** @description Dernier jour couvert : le mandat cesse à minuit, heure de Paris */
                            date_fin: string | null;
                            document_nom: string | null;
                            document_taille: number | null;
                            document_sha256: string | null;
                            /** Format: date-time */
                            alerte_30_le: string | null;
                            /** Format: date-time */
                            alerte_7_le: string | null;
                            notes: string | null;
                            /** @description Faux : mandat révoqué */
                            actif: boolean;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nb_numeros: number;
                            nb_tranches: number;
                            numeros: {
                                id: number;
                                numero: string;
                                titulaire: string;
                            }[];
                            tranches: {
                                id: number;
                                premier: string;
                                dernier: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/mandats/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le mandat signé (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Déposer le mandat signé (PDF, corps brut application/pdf) : son empreinte SHA-256 est gardée */
        put: {
            parameters: {
                query?: {
                    nom?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            client_id: number;
                            client_code: string;
                            client: string;
                            reference: string | null;
                            signataire: string;
                            /** @description Premier jour couvert (00:00, heure de Paris) */
                            date_debut: string;
                            /** @description Dernier jour couvert : le mandat cesse à minuit, heure de Paris */
                            date_fin: string | null;
                            document_nom: string | null;
                            document_taille: number | null;
                            document_sha256: string | null;
                            /** Format: date-time */
                            alerte_30_le: string | null;
                            /** Format: date-time */
                            alerte_7_le: string | null;
                            notes: string | null;
                            /** @description Faux : mandat révoqué */
                            actif: boolean;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            date_creation: string;
                            /** Format: date-time */
                            date_modification: string;
                            nb_numeros: number;
                            nb_tranches: number;
                            numeros: {
                                id: number;
                                numero: string;
                                titulaire: string;
                            }[];
                            tranches: {
                                id: number;
                                premier: string;
                                dernier: string;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/declarations/apercu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ce que dirait maintenant une déclaration à l'opérateur : numéros présentables avec leur fondement, changements depuis la dernière */
        get: {
            parameters: {
                query: {
                    operateur_id: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            operateur_id: number;
                            /** Format: date-time */
                            instant: string;
                            /** @description Nombre de numéros que la déclaration donnerait */
                            total: number;
                            /** @description Les 200 premiers ; le fichier de la déclaration les donne tous */
                            numeros: {
                                numero: string;
                                fondement: "CONTRAT" | "MANDAT";
                                mandat_id: number | null;
                                client: string | null;
                            }[];
                            derniere: {
                                id: number;
                                /** Format: date-time */
                                instant: string;
                            } | null;
                            /** @description Les 200 premiers de chaque liste */
                            changements: {
                                ajoutes: string[];
                                retires: string[];
                                /** @description Toujours déclarés, sur un autre fondement */
                                modifies: string[];
                            };
                            changements_totaux: {
                                ajoutes: number;
                                retires: number;
                                modifies: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Déclarations faites aux opérateurs (qui, quand, empreinte du fichier) */
        get: {
            parameters: {
                query?: {
                    operateur_id?: number;
                    page?: number;
                    par_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                operateur_id: number;
                                operateur: string;
                                /** Format: date-time */
                                instant: string;
                                auteur: string;
                                format: string;
                                nombre: number;
                                ajouts: number;
                                retraits: number;
                                somme_sha256: string;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Déclarer à un opérateur les numéros que nous pouvons présenter : le fichier (CSV ou XLSX) est enregistré avec son empreinte */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        operateur_id: number;
                        /** @default csv */
                        format?: "csv" | "xlsx";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            operateur_id: number;
                            operateur: string;
                            /** Format: date-time */
                            instant: string;
                            auteur: string;
                            format: string;
                            nombre: number;
                            ajouts: number;
                            retraits: number;
                            somme_sha256: string;
                            /** Format: date-time */
                            date_creation: string;
                            changements: {
                                ajoutes: string[];
                                retires: string[];
                                /** @description Toujours déclarés, sur un autre fondement */
                                modifies: string[];
                            };
                            modifies: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/declarations/{id}/fichier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le fichier d'une déclaration, tel que remis à l'opérateur */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}/presentation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Qui présentait ce numéro à un instant : campagne, client et fondement (contrat ou mandat), d'après l'historique */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 avec décalage (2024-03-31T00:00:00+01:00), ou une date seule : minuit, heure de Paris */
                    instant?: string;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            numero: string;
                            /** Format: date-time */
                            instant: string;
                            /** @description SOCIETE : le nôtre (contrat opérateur) ; CLIENT : présenté sous mandat */
                            titulaire: string;
                            presentations: {
                                affectation_id: number;
                                /** Format: date-time */
                                date_debut: string;
                                /** Format: date-time */
                                date_fin: string | null;
                                campagne: {
                                    id: number;
                                    code: string;
                                    nom: string;
                                };
                                client: {
                                    id: number;
                                    code: string;
                                    nom: string;
                                };
                                fondement: ("CONTRAT" | "MANDAT") | null;
                                mandat: {
                                    id: number;
                                    reference: string | null;
                                    signataire: string;
                                    date_debut: string;
                                    date_fin: string | null;
                                } | null;
                                /** @description Le routage présentait ce numéro pour cette campagne à cet instant */
                                presente: boolean;
                                raison: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapprochements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rapprochements faits (opérateur, mois, fichier, qui, quand, totaux par classe) */
        get: {
            parameters: {
                query?: {
                    operateur_id?: number;
                    page?: number;
                    par_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                operateur_id: number;
                                operateur: string;
                                periode: string;
                                fichier_nom: string;
                                fichier_sha256: string;
                                /** @description Champ → colonne du fichier utilisée */
                                colonnes: {
                                    [key: string]: string;
                                };
                                /** @description Colonnes du fichier qui ne nourrissent aucun champ */
                                colonnes_ignorees: string[];
                                lignes_lues: number;
                                totaux: {
                                    [key: string]: {
                                        n: number;
                                        montant: number | null;
                                    };
                                };
                                auteur: string;
                                duree_ms: number;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Rapprocher la liste ou les lignes de facture d'un opérateur (CSV ou XLSX, corps brut) avec l'inventaire, pour un mois */
        post: {
            parameters: {
                query: {
                    operateur_id: number;
                    /** @description Mois facturé, AAAA-MM */
                    periode: string;
                    /** @description Nom du fichier, gardé avec le résultat */
                    nom?: string;
                    /** @description Correspondances champ → colonne du fichier, en JSON : {"numero":"NDI","prix":"Prix HT"}. Sans elles, les noms connus sont reconnus. */
                    colonnes?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            operateur_id: number;
                            operateur: string;
                            periode: string;
                            fichier_nom: string;
                            fichier_sha256: string;
                            /** @description Champ → colonne du fichier utilisée */
                            colonnes: {
                                [key: string]: string;
                            };
                            /** @description Colonnes du fichier qui ne nourrissent aucun champ */
                            colonnes_ignorees: string[];
                            lignes_lues: number;
                            totaux: {
                                [key: string]: {
                                    n: number;
                                    montant: number | null;
                                };
                            };
                            auteur: string;
                            duree_ms: number;
                            /** Format: date-time */
                            date_creation: string;
                            classes: {
                                classe: string;
                                libelle: string;
                                n: number;
                                /** @description Lignes de la classe déjà corrigées (n moins corrigees : à traiter) */
                                corrigees: number;
                                /** @description Vide quand le fichier n'a pas de prix */
                                montant: number | null;
                            }[];
                            /** @description Le fichier n'a pas de colonne de prix : aucun montant */
                            sans_prix: boolean;
                            /** @description À lire avant les résultats */
                            avertissements: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapprochements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Un rapprochement : nombre et montant par classe */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            operateur_id: number;
                            operateur: string;
                            periode: string;
                            fichier_nom: string;
                            fichier_sha256: string;
                            /** @description Champ → colonne du fichier utilisée */
                            colonnes: {
                                [key: string]: string;
                            };
                            /** @description Colonnes du fichier qui ne nourrissent aucun champ */
                            colonnes_ignorees: string[];
                            lignes_lues: number;
                            totaux: {
                                [key: string]: {
                                    n: number;
                                    montant: number | null;
                                };
                            };
                            auteur: string;
                            duree_ms: number;
                            /** Format: date-time */
                            date_creation: string;
                            classes: {
                                classe: string;
                                libelle: string;
                                n: number;
                                /** @description Lignes de la classe déjà corrigées (n moins corrigees : à traiter) */
                                corrigees: number;
                                /** @description Vide quand le fichier n'a pas de prix */
                                montant: number | null;
                            }[];
                            /** @description Le fichier n'a pas de colonne de prix : aucun montant */
                            sans_prix: boolean;
                            /** @description À lire avant les résultats */
                            avertissements: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapprochements/{id}/lignes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les lignes d'un rapprochement, d'une ou plusieurs classes (classe=A_RECLAMER,INCONNU) */
        get: {
            parameters: {
                query?: {
                    classe?: string;
                    page?: number;
                    par_page?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                /** @description Ligne du fichier ; vide pour un numéro de l'inventaire non facturé */
                                ligne: number | null;
                                numero: string | null;
                                brut: string | null;
                                did_id: number | null;
                                classe: string;
                                raison: string | null;
                                reference_facturee: string | null;
                                reference_inventaire: string | null;
                                prix_facture: number | null;
                                prix_inventaire: number | null;
                                debut: string | null;
                                fin: string | null;
                                facture_du: string | null;
                                facture_au: string | null;
                                date_resiliation: string | null;
                                jours_factures: number | null;
                                montant_facture: number | null;
                                /** @description À réclamer, écart de prix, montant facturé, ou coût attendu */
                                montant: number | null;
                                prix_different: boolean;
                                reference_differente: boolean;
                                /** @description Le numéro est utilisé par une campagne */
                                en_service: boolean;
                                correction: string | null;
                                corrige_par: string | null;
                                /** Format: date-time */
                                corrige_le: string | null;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapprochements/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appliquer les corrections qui nous reviennent, par ligne ou par classe : coût ou référence de l'opérateur, ou résiliation d'un numéro qu'il ne facture plus */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: "cout" | "reference" | "resilier";
                        lignes?: number[];
                        /** @description A_RECLAMER : Facturé après sa résiliation chez nous : à réclamer ; INCONNU : Facturé mais absent de l'inventaire ; NON_FACTURE : Dans l'inventaire, non résilié, mais non facturé ; PRIX_DIFFERENT : Prix différent du coût mensuel de l'inventaire ; REFERENCE_DIFFERENTE : Référence opérateur différente de la nôtre ; CONFORME : Conforme ; ILLISIBLE : Ligne illisible */
                        classe?: "A_RECLAMER" | "INCONNU" | "NON_FACTURE" | "PRIX_DIFFERENT" | "REFERENCE_DIFFERENTE" | "CONFORME" | "ILLISIBLE";
                        motif?: string;
                        confirmer?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            corrigees: number;
                            numeros: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rapprochements/{id}/reclamation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La réclamation à adresser à l'opérateur (numéros résiliés ou inconnus facturés, prix au-dessus du nôtre) */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/appels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Importer les appels de la plateforme (export de HN_Ondata.dbo.ODCalls, ou fichier numéro, date-heure, sens, répondu, durée) : agrégats par numéro et par jour, la période du fichier remplacée */
        post: {
            parameters: {
                query?: {
                    nom?: string;
                    /** @description Correspondances champ → colonne du fichier, en JSON : {"numero":"NDI","prix":"Prix HT"}. Sans elles, les noms connus sont reconnus. */
                    colonnes?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            format: string;
                            colonnes: {
                                [key: string]: string;
                            };
                            du: string;
                            au: string;
                            lignes: number;
                            /** @description Appels attribués à un numéro de l'inventaire */
                            appels: number;
                            numeros: number;
                            /** @description Numéros absents de l'inventaire (100 premiers) */
                            non_attribues: {
                                numero: string;
                                appels: number;
                            }[];
                            rejets: {
                                ligne: number;
                                raison: string;
                            }[];
                            rejetes: number;
                            duree_ms: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dids/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les appels d'un numéro jour par jour (90 derniers jours par défaut) et son dernier appel */
        get: {
            parameters: {
                query?: {
                    jours?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            dernier_appel: string | null;
                            jours: {
                                jour: string;
                                entrants: number;
                                sortants: number;
                                repondus: number;
                                abandonnes: number;
                                duree_s: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dormants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Numéros qui coûtent sans servir : sans appel depuis N jours quand les appels importés couvrent la période, sinon pas utilisés depuis N jours ; par client et opérateur, avec l'économie mensuelle */
        get: {
            parameters: {
                query?: {
                    /** @description Jours sans usage */
                    jours?: number;
                    page?: number;
                    par_page?: number;
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            methode: "appels" | "statut";
                            jours: number;
                            depuis: string;
                            total: number;
                            economie_mensuelle: number;
                            groupes: {
                                client: string | null;
                                operateur: string | null;
                                n: number;
                                economie: number;
                            }[];
                            /** @description Une page des numéros dormants (page, par_page) ; le fichier CSV ou XLSX les donne tous */
                            numeros: {
                                id: number;
                                numero: string;
                                statut: string;
                                client_id: number | null;
                                client: string | null;
                                operateur: string | null;
                                cout_mensuel: number | null;
                                /** Format: date-time */
                                dernier_appel: string | null;
                                /** Format: date-time */
                                dernier_usage: string | null;
                                /** @description Campagnes qui le routent encore */
                                campagnes: string[];
                            }[];
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dormants/resiliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Résilier des numéros dormants par le cycle de vie ; sans « confirmer », la réponse 409 nomme les clients qui les tiennent et les campagnes qui les routent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                        /**
                         * @description Jours sans usage
                         * @default 90
                         */
                        jours?: number;
                        confirmer?: boolean;
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/couts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Coût d'un mois par client, groupement, opérateur, campagne ou type : coût mensuel de chaque numéro au prorata des jours où chacun le tenait (stock et gel à la charge de la société) */
        get: {
            parameters: {
                query: {
                    /** @description Mois, AAAA-MM */
                    periode: string;
                    par?: "client" | "groupement" | "operateur" | "campagne" | "type";
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            periode: string;
                            jours: number;
                            par: string;
                            total: number;
                            lignes: {
                                cle: string;
                                libelle: string;
                                numeros: number;
                                jours: number;
                                montant: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description Instant des données dont viennent les chiffres
                             */
                            calcule_le: string;
                            /** @description Faux : les données ont changé depuis ; le nouveau calcul, plus long qu'une seconde, est en cours et ces chiffres sont les derniers calculés */
                            a_jour: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/couts/tendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le coût total des derniers mois, le mois en cours en dernier (tableau de bord) */
        get: {
            parameters: {
                query?: {
                    mois?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mois: {
                                periode: string;
                                montant: number;
                            }[];
                            /** @description Faux : les données ont changé depuis ; le nouveau calcul, plus long qu'une seconde, est en cours et ces chiffres sont les derniers calculés */
                            a_jour: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/couts/refacturation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Relevé de refacturation d'un client pour un mois : numéros tenus, jours et montants (au prix du client par type s'il en a un) ; format=csv|xlsx pour le fichier */
        get: {
            parameters: {
                query: {
                    /** @description Mois, AAAA-MM */
                    periode: string;
                    client_id?: number;
                    format?: "json" | "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            client: {
                                id: number;
                                code: string;
                                nom: string;
                            };
                            periode: string;
                            jours: number;
                            total: number;
                            lignes: {
                                numero: string;
                                type: string | null;
                                campagne: string | null;
                                du: string;
                                au: string;
                                jours: number;
                                prix_mensuel: number | null;
                                /** @description Prix du client pour ce type, sinon coût mensuel du numéro */
                                tarif_client: boolean;
                                montant: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description Instant des données dont viennent les chiffres
                             */
                            calcule_le: string;
                            /** @description Faux : les données ont changé depuis ; le nouveau calcul, plus long qu'une seconde, est en cours et ces chiffres sont les derniers calculés */
                            a_jour: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/tarifs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Les prix de refacturation du client par type de numéro */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                type_id: number;
                                type_code: string;
                                type: string;
                                prix_mensuel: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        /** Remplacer les prix de refacturation du client (un par type de numéro ; liste vide : aucun) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tarifs: {
                            type_id: number;
                            prix_mensuel: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Journal de toutes les écritures : qui, quand, quoi (avant/après) */
        get: {
            parameters: {
                query?: {
                    entite?: string;
                    entite_id?: number;
                    acteur?: string;
                    action?: string;
                    depuis?: string;
                    avant?: string;
                    /** @description Page, à partir de 1 */
                    page?: number;
                    par_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                entite: string;
                                entite_id: number | null;
                                action: string;
                                acteur: string;
                                acteur_type: string;
                                request_id: string | null;
                                motif: string | null;
                                avant: {
                                    [key: string]: unknown;
                                } | null;
                                apres: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                date_action: string;
                            }[];
                            total: number;
                            page: number;
                            par_page: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tableau-de-bord": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vue d'ensemble : numéros par statut (couleurs), région, opérateur, type, client ; stock disponible ; commandes en attente ; numéros bientôt réutilisables */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            par_statut: {
                                id: number | null;
                                code: string | null;
                                libelle: string | null;
                                n: number;
                                couleur: string;
                            }[];
                            par_region: {
                                id: number | null;
                                code: string | null;
                                libelle: string | null;
                                n: number;
                            }[];
                            par_operateur: {
                                id: number | null;
                                code: string | null;
                                libelle: string | null;
                                n: number;
                            }[];
                            par_type: {
                                id: number | null;
                                code: string | null;
                                libelle: string | null;
                                n: number;
                            }[];
                            par_client: {
                                id: number | null;
                                code: string | null;
                                libelle: string | null;
                                n: number;
                            }[];
                            disponibles: {
                                region_code: string | null;
                                type_code: string | null;
                                n: number;
                            }[];
                            commandes_en_attente: {
                                statut: string;
                                couleur: string;
                                n: number;
                                age_max_jours: number;
                            }[];
                            commandes_a_traiter: {
                                id: number;
                                reference: string;
                                client: string;
                                statut: string;
                                urgence: string;
                                quantite: number;
                                age_jours: number;
                            }[];
                            /** @description Le routage a changé depuis la dernière publication des fichiers Hermes (null pour qui ne voit pas la publication) */
                            publication_en_attente: boolean | null;
                            /** @description Pour un compte client : ses numéros par campagne en cours (20 premières), entrants et sortants ; null pour le personnel */
                            par_campagne: {
                                id: number;
                                code: string;
                                libelle: string;
                                entrants: number;
                                sortants: number;
                            }[] | null;
                            /** @description Pour un client, quand la refacturation lui est ouverte (CLIENT_REBILLING) : son relevé du mois en cours en bref ; le détail est GET /couts/refacturation */
                            releve: {
                                periode: string;
                                /** @description Montant du mois en cours, compté jusqu'à sa fin (estimation) */
                                total: number;
                                numeros: number;
                                /** Format: date-time */
                                calcule_le: string;
                                a_jour: boolean;
                            } | null;
                            reutilisables_30_jours: {
                                n: number;
                                numeros: {
                                    id: number;
                                    did_format_e164: string;
                                    reutilisable_le: string;
                                }[];
                                /**
                                 * Format: date
                                 * @description Les mêmes numéros dans la liste : statut RESILIE, resilie_depuis et resilie_avant
                                 */
                                resilie_depuis: string;
                                /** Format: date */
                                resilie_avant: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hermes/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fichiers de routage tels qu'ils seraient publiés maintenant, et leur différence (diff unifié) avec ce qui est déployé */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            en_attente: boolean;
                            /** @description Routes ajoutées, supprimées et modifiées par rapport à la dernière publication (une route : un numéro en entrant, ou un numéro présenté par une campagne en sortant) ; les 200 premières de chaque sorte en exemple */
                            routes: {
                                /** @description Routes de la dernière publication (null : aucune publication connue) */
                                deployees: number | null;
                                a_publier: number;
                                ajoutees: number;
                                supprimees: number;
                                modifiees: number;
                                exemples: {
                                    ajoutees: string[];
                                    supprimees: string[];
                                    modifiees: {
                                        route: string;
                                        avant: string;
                                        apres: string;
                                    }[];
                                };
                            };
                            /** @description Suppressions de routes permises sans confirmation (HERMES_PUBLISH_MAX_REMOVALS…) */
                            suppressions_permises: number;
                            /** @description Publier exige « confirmer » égal au nombre de routes supprimées */
                            confirmation_requise: boolean;
                            /** @description Routes dont une valeur casserait un fichier de routage : laissées hors des fichiers, la publication est refusée tant qu'elles ne sont pas corrigées */
                            invalides: {
                                numero: string;
                                campagne_code: string;
                                champ: string;
                                valeur: string;
                                raison: string;
                            }[];
                            fichiers: {
                                nom: string;
                                chemin: string;
                                change: boolean;
                                /** @description Le fichier déployé a été modifié à la main depuis la dernière publication */
                                derive: boolean;
                                derniere_version: number | null;
                                contenu: string;
                                diff: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publier les fichiers de routage (écriture atomique, version gardée). Refusé (409) si le routage en mémoire ne correspond pas à la base, si un fichier a été modifié à la main (sauf « forcer »), ou si la publication supprime plus de routes que le seuil sans « confirmer » égal à leur nombre ; refusé (422) si une valeur casserait un fichier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        motif?: string;
                        forcer?: boolean;
                        /** @description Nombre de routes supprimées que l'appelant a vu et accepte (voir GET : routes.supprimees) */
                        confirmer?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publies: {
                                id: number;
                                fichier: string;
                                version: number;
                                somme_sha256: string;
                            }[];
                            inchanges: string[];
                            routes: {
                                ajoutees: number;
                                supprimees: number;
                                modifiees: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hermes/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Versions publiées des fichiers de routage (qui, quand, pourquoi, somme SHA-256, commande de rechargement) */
        get: {
            parameters: {
                query?: {
                    fichier?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                fichier: string;
                                version: number;
                                type: string;
                                chemin: string;
                                somme_sha256: string;
                                auteur: string;
                                motif: string | null;
                                commande: string | null;
                                code_sortie: number | null;
                                sortie_commande: string | null;
                                /** Format: date-time */
                                date_publication: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hermes/publications/{id}/restauration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ce que le retour à une version changerait dans le routage de Hermes : routes ajoutées, supprimées et modifiées pour les sens que ce fichier contient, comptées comme à la publication */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fichier: string;
                            version: number;
                            /** @description Dernière version de ce fichier */
                            version_deployee: number;
                            /** @description Routes ajoutées, supprimées et modifiées par rapport à la dernière publication (une route : un numéro en entrant, ou un numéro présenté par une campagne en sortant) ; les 200 premières de chaque sorte en exemple */
                            routes: {
                                /** @description Routes de la dernière publication (null : aucune publication connue) */
                                deployees: number | null;
                                a_publier: number;
                                ajoutees: number;
                                supprimees: number;
                                modifiees: number;
                                exemples: {
                                    ajoutees: string[];
                                    supprimees: string[];
                                    modifiees: {
                                        route: string;
                                        avant: string;
                                        apres: string;
                                    }[];
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/hermes/publications/{id}/restaurer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revenir à une version publiée : le fichier est réécrit à l'identique, comme une nouvelle version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        motif?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            fichier: string;
                            version: number;
                            somme_sha256: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Boîte d'envoi : e-mails et webhooks des commandes (gardés ici quand aucun SMTP n'est configuré) */
        get: {
            parameters: {
                query?: {
                    commande_id?: number;
                    statut?: "EN_ATTENTE" | "ENVOYEE" | "ECHEC" | "NON_ENVOYEE";
                    canal?: "EMAIL" | "WEBHOOK";
                    par_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                id: number;
                                canal: string;
                                evenement: string;
                                destinataire: string;
                                sujet: string;
                                corps: string;
                                commande_id: number | null;
                                statut: string;
                                tentatives: number;
                                /** Format: date-time */
                                prochain_essai: string;
                                derniere_erreur: string | null;
                                /** Format: date-time */
                                date_envoi: string | null;
                                /** Format: date-time */
                                date_creation: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/colonnes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Les colonnes d'un fichier et les champs qu'elles nourriraient (par leurs noms connus), avant tout envoi : l'étape de correspondance de chaque écran d'envoi */
        post: {
            parameters: {
                query: {
                    /** @description Le genre du fichier : un import, les appels, ou une facture d'opérateur (rapprochement) */
                    pour: "numeros" | "affectations" | "clients" | "campagnes" | "configs" | "appels" | "rapprochement";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entetes: string[];
                            lignes: number;
                            champs: {
                                champ: string;
                                requis: boolean;
                                colonne: string | null;
                            }[];
                            colonnes_ignorees: string[];
                            /** @description Champs obligatoires sans colonne */
                            manquants: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Importer un fichier CSV ou XLSX (corps brut) : simulation=true pour le rapport seul, puis sans simulation pour écrire (tout ou rien) */
        post: {
            parameters: {
                query?: {
                    simulation?: boolean;
                    /** @description Créer clients, groupements, opérateurs inconnus */
                    creer_manquants?: boolean;
                    /** @description Écrire les lignes valides malgré des rejets */
                    accepter_rejets?: boolean;
                    /** @description Créer les numéros bien formés hors des tranches connues, marqués hors_plan (à revoir) */
                    accepter_plages_inconnues?: boolean;
                    /** @description Refuser (422 COLONNES_IGNOREES) un fichier dont une colonne n'est pas lue */
                    strict?: boolean;
                    /** @description Correspondances champ → colonne du fichier, en JSON : {"numero":"NDI","prix":"Prix HT"}. Sans elles, les noms connus sont reconnus. */
                    colonnes?: string;
                };
                header?: never;
                path: {
                    type: "numeros" | "affectations" | "clients" | "campagnes" | "configs";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            type: string;
                            simulation: boolean;
                            /** @description Vrai quand les lignes sont enregistrées */
                            ecrit: boolean;
                            lus: number;
                            a_creer: number;
                            a_mettre_a_jour: number;
                            inchanges: number;
                            /** @description Lignes répétant exactement une ligne précédente */
                            doublons: number;
                            rejetes: number;
                            rejets: {
                                ligne: number;
                                colonne: string | null;
                                valeur: string | null;
                                raison: string;
                            }[];
                            /** @description Lignes écrites autrement que le fichier ne le disait, par les règles du produit (statut déduit des faits, date du jour prise pour une date absente) */
                            avertissements: {
                                ligne: number;
                                colonne: string | null;
                                valeur: string | null;
                                raison: string;
                            }[];
                            references_creees: string[];
                            /** @description Numéros (E.164) créés par un import d'affectations avec creer_manquants */
                            numeros_crees: string[];
                            /** @description Numéros (E.164) créés hors des tranches connues (accepter_plages_inconnues), marqués à revoir */
                            hors_plan: string[];
                            /** @description Champ → colonne du fichier utilisée */
                            colonnes: {
                                [key: string]: string;
                            };
                            /** @description Colonnes du fichier qui ne correspondent à aucun champ : rien n'en est lu (strict=true les refuse) */
                            colonnes_ignorees: string[];
                            duree_ms: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{type}/modele": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Le modèle CSV d'un type : les colonnes que l'import lit (celles que l'export écrit) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "numeros" | "affectations" | "clients" | "campagnes" | "configs";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{type}/rejets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Les lignes refusées d'un fichier (simulation, rien n'est écrit), en CSV : ses colonnes telles quelles et la raison (motif_rejet), à corriger puis réimporter */
        post: {
            parameters: {
                query?: {
                    creer_manquants?: boolean;
                    accepter_plages_inconnues?: boolean;
                    /** @description Correspondances champ → colonne du fichier, en JSON : {"numero":"NDI","prix":"Prix HT"}. Sans elles, les noms connus sont reconnus. */
                    colonnes?: string;
                };
                header?: never;
                path: {
                    type: "numeros" | "affectations" | "clients" | "campagnes" | "configs";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Exporter numéros, affectations, clients, campagnes ou commandes (CSV, JSON, XLSX), relisibles par l'import
         * @description Une clé client n'exporte que ce que la liste lui montre : ses numéros, leurs affectations, sa fiche, ses campagnes et ses commandes. Les configurations ne sont pas exportables par un client (comme GET /configs).
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json" | "xlsx";
                    client_id?: number;
                    statut?: string;
                    campaign_id?: number;
                };
                header?: never;
                path: {
                    type: "numeros" | "affectations" | "clients" | "campagnes" | "configs" | "commandes";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Métriques au format texte de Prometheus (requêtes, routage, base, imports, publications, processus) ; aussi sans clé sur METRICS_LISTEN */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sauvegarde": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Une sauvegarde de la base pendant que le serveur tourne : dossier de la base embarquée (tar.gz) ou pg_dump au format custom ; telephony restore la restaure */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sauvegardes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** La dernière sauvegarde (manuelle ou automatique, d'après le journal d'audit), les sauvegardes automatiques (BACKUP_DIR) et les copies gardées */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            base: "pglite" | "postgres";
                            derniere: {
                                /** Format: date-time */
                                le: string;
                                /** @description Compte, clé API ou système:sauvegarde (automatique) */
                                par: string;
                                fichier: string | null;
                            } | null;
                            automatiques: {
                                dossier: string;
                                intervalle_heures: number;
                                garder: number;
                                prochaine_le: string | null;
                                dernier_echec: {
                                    /** Format: date-time */
                                    le: string;
                                    erreur: string;
                                } | null;
                            } | null;
                            fichiers: {
                                nom: string;
                                octets: number;
                                /** Format: date-time */
                                le: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sauvegardes/{nom}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Télécharge une des sauvegardes automatiques gardées dans BACKUP_DIR */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    nom: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/routage/entrant/{numero}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appel entrant : la campagne et la configuration du numéro composé (404 s'il n'est pas en service) */
        get: {
            parameters: {
                query?: {
                    pays?: string;
                };
                header?: never;
                path: {
                    numero: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            numero: string;
                            did_id: number;
                            campagne: {
                                id: number;
                                code: string;
                                hermes_id: string | null;
                            };
                            config: {
                                [key: string]: unknown;
                            } | null;
                            config_code: string | null;
                            alias: string | null;
                            affectation_id: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/routage/sortant/{campagne}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appel sortant : les numéros que présente la campagne (hermes_id, code ou id, dans cet ordre), par priorité ; numéros de la région du destinataire d'abord */
        get: {
            parameters: {
                query?: {
                    destination?: string;
                };
                header?: never;
                path: {
                    campagne: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            campagne: {
                                id: number;
                                code: string;
                                hermes_id: string | null;
                                prospection: boolean;
                            };
                            region_destination: string | null;
                            numeros: {
                                numero: string;
                                did_id: number;
                                priorite: number;
                                region: string | null;
                                type: string | null;
                                alias: string | null;
                                local: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/routage/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Toutes les routes en cours (JSON ou CSV), avec un ETag : If-None-Match donne 304 si rien n'a changé */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description VALIDATION : La requête contient des valeurs invalides (détails par champ)
         *     REQUETE_INVALIDE : Requête mal formée
         *     CARACTERE_INTERDIT : Un texte contient un caractère refusé
         *     JSON_INVALIDE : Corps JSON illisible
         *     JSON_TROP_PROFOND : Corps JSON trop imbriqué
         *     CORPS_TROP_GROS : Corps de requête trop gros
         *     TYPE_CONTENU_NON_SUPPORTE : Type de contenu non accepté par cette route
         *     ROUTE_INCONNUE : Cette adresse n'existe pas dans l'API
         *     TRI_INVALIDE : Critère de tri inconnu
         *     IF_MATCH_INVALIDE : En-tête If-Match mal formé
         *     VERSION_PERIMEE : L'enregistrement a changé depuis sa lecture (version)
         *     INTROUVABLE : Enregistrement introuvable (ou hors de la portée de l'appelant)
         *     DOUBLON : Une valeur unique existe déjà
         *     REFERENCE_INVALIDE : Référence inexistante, ou enregistrement encore utilisé ailleurs
         *     CONFLIT_CONCURRENT : Opération concurrente : réessayer
         *     CONFLIT_PERIODE : Périodes qui se chevauchent
         *     CONFIRMATION_REQUISE : L'opération demande une confirmation explicite
         *     CODE_FIGE : Ce code porte des règles du produit : il ne se renomme ni ne se supprime
         *     NON_AUTHENTIFIE : Clé API ou session absente ou invalide
         *     SESSION_EXPIREE : Session expirée
         *     CSRF : Jeton anti-CSRF absent ou faux
         *     INTERDIT : Le rôle de l'appelant ne permet pas cette action
         *     IDENTIFIANTS_INVALIDES : Identifiant ou mot de passe incorrect
         *     TROP_DE_TENTATIVES : Trop de tentatives de connexion : attendre
         *     ADRESSE_NON_AUTORISEE : La clé API n'est pas admise depuis cette adresse
         *     ADRESSE_INVALIDE : Adresse ou plage d'adresses mal écrite
         *     CLE_INVALIDE : Clé API mal formée
         *     CLE_OBLIGATOIRE : Une clé API admin est nécessaire
         *     MOT_DE_PASSE_FAIBLE : Mot de passe trop court ou trop simple
         *     ROLE_INCONNU : Rôle inconnu
         *     CLIENT_ROLE : Le rôle client demande un client (et lui seul)
         *     EXPIRATION_PASSEE : Date d'expiration déjà passée
         *     BASE_INDISPONIBLE : Base de données momentanément injoignable (Retry-After)
         *     DEMARRAGE_EN_COURS : Le serveur démarre : le routage se charge (Retry-After)
         *     ERREUR_INTERNE : Erreur interne du serveur
         *     TRAVAIL_INTERROMPU : Le fil qui faisait ce traitement long s'est arrêté avant sa fin (Retry-After)
         *     EXTRANET_NON_CONSTRUIT : L'extranet n'est pas construit (npm run build)
         *     NUMERO_VIDE : Numéro vide
         *     CARACTERES_INVALIDES : Le numéro contient des caractères qui ne sont pas des chiffres ou des séparateurs
         *     PAYS_INCONNU : Pays ou indicatif inconnu
         *     PAYS_NON_GERE : Pays non géré par l'inventaire
         *     TROP_COURT : Numéro trop court
         *     TROP_LONG : Numéro trop long
         *     LONGUEUR_INVALIDE : Longueur de numéro invalide pour ce pays
         *     NUMERO_NON_ATTRIBUE : Numéro hors du plan de numérotation
         *     HORS_PLAGES_CONNUES : Numéro hors des tranches connues (accepter_plages_inconnues)
         *     NUMERO_EXISTANT : Numéro déjà dans l'inventaire
         *     NUMEROS_EXISTANTS : Des numéros de la plage sont déjà dans l'inventaire
         *     NUMERO_A_SERVI : Un numéro qui a servi ne se supprime pas : le résilier
         *     NUMERO_GELE : Numéro résilié encore gelé pour un autre client
         *     PLAGE_INVALIDE : Plage de numéros invalide
         *     INCOHERENT : Valeurs contradictoires entre elles
         *     VALEUR_INCOHERENTE : Valeur contradictoire avec l'enregistrement
         *     CLIENT_IMMUABLE : Le client d'un numéro change par les actions du cycle de vie
         *     CLIENT_OBLIGATOIRE : Client obligatoire pour cette action
         *     CLIENT_INCONNU : Client inconnu
         *     GROUPEMENT_AUTRE_CLIENT : Le groupement appartient à un autre client
         *     GROUPEMENT_SANS_CLIENT : Un groupement demande un client
         *     STATUT_INCONNU : Statut inconnu
         *     TYPE_INCONNU : Type inconnu
         *     TRANSITION_INTERDITE : Action impossible depuis le statut actuel
         *     ACTION_EN_MASSE_REFUSEE : Action en masse refusée : rien n'a changé (détail par numéro)
         *     REFUS : La base a refusé ce changement
         *     AUCUNE_AFFECTATION : Aucune affectation de campagne en cours
         *     AFFECTATION_ENTRANTE_EXISTANTE : Le numéro a déjà une affectation entrante sur cette période
         *     DEJA_TERMINEE : Affectation déjà terminée
         *     CAMPAGNE_INCONNUE : Campagne inconnue
         *     CAMPAGNE_INACTIVE : Campagne désactivée
         *     CLIENT_DIFFERENT : La campagne et le numéro n'ont pas le même client
         *     NUMERO_INCONNU : Numéro absent de l'inventaire
         *     DATE_INVALIDE : Date illisible (ISO 8601 attendu)
         *     NUMERO_NON_AFFECTE : Le numéro n'est pas affecté à un client
         *     MOBILE_INTERDIT_SORTANT : Un numéro mobile ne se présente pas en sortant
         *     NPV_OBLIGATOIRE : Une campagne d'appels sortants présente un NPV
         *     CONFIG_INVALIDE : Configuration invalide
         *     TRANCHE_INVALIDE : Tranche invalide (bornes, pays, longueur ou taille)
         *     TRANCHE_CHEVAUCHEMENT : La tranche chevauche une tranche en service
         *     TRANCHE_OCCUPEE : Des numéros de la tranche sont encore tenus par un client
         *     TRANCHE_RESTITUEE : Tranche déjà restituée à l'opérateur
         *     PRESENTATION_SANS_FONDEMENT : Numéro du client sans mandat valide : il ne peut pas être présenté
         *     MANDAT_INVALIDE : Mandat invalide (dates, client ou numéros couverts)
         *     DOCUMENT_INVALIDE : Le document d'un mandat est un PDF
         *     DOCUMENT_ABSENT : Ce mandat n'a pas de document
         *     NON_ROUTE : Numéro sans route entrante
         *     ROUTAGE_DESYNCHRONISE : Le routage en mémoire n'a pas encore la dernière version
         *     VALEURS_ROUTAGE_INVALIDES : Une valeur de routage contient un caractère qui casserait le fichier
         *     FICHIER_MODIFIE_A_LA_MAIN : Le fichier de routage déployé a été modifié à la main
         *     MODELE_INCONNU : Modèle de fichier de routage inconnu
         *     MODELE_INVALIDE : Modèle de fichier de routage invalide
         *     MOTIF_OBLIGATOIRE : Un motif est obligatoire
         *     REFERENCE_OPERATEUR_OBLIGATOIRE : Référence de la commande chez l'opérateur obligatoire
         *     OPERATEUR_OBLIGATOIRE : Opérateur obligatoire pour démarrer une commande
         *     COMMANDE_NON_MODIFIABLE : Seul un brouillon se modifie
         *     QUANTITE_INVALIDE : Quantité invalide
         *     QUANTITE_DEPASSEE : Livraison au-delà de la quantité commandée (depassement)
         *     LIVRAISON_INVALIDE : Entrées de livraison refusées (détail par entrée)
         *     AUCUN_NUMERO_LIVRE : Aucun numéro livré
         *     REFERENCES_EPUISEES : Plus de référence de commande disponible cette année
         *     FICHIER_ATTENDU : Un fichier est attendu
         *     FICHIER_VIDE : Fichier vide
         *     FICHIER_ILLISIBLE : Fichier illisible
         *     FICHIER_TROP_GROS : Fichier trop gros
         *     CLASSEUR_TROP_GROS : Classeur XLSX trop gros une fois décompressé
         *     TROP_DE_LIGNES : Trop de lignes
         *     TROP_DE_COLONNES : Trop de colonnes
         *     LECTURE_TROP_LONGUE : Lecture du fichier trop longue
         *     FORMAT_INCONNU : Format inconnu
         *     COLONNE_ABSENTE : Colonne obligatoire absente
         *     COLONNES_IGNOREES : Colonnes que l'import ne sait pas lire (mode strict)
         *     CORRESPONDANCE_INVALIDE : Correspondance de colonnes invalide
         *     IMPORT_REFUSE : Import refusé : rien n'a été écrit (détail par ligne)
         *     OUTIL_ABSENT : pg_dump ou pg_restore introuvable
         *     SAUVEGARDE_INTROUVABLE : Sauvegarde introuvable
         *     SAUVEGARDE_REFUSEE : Le serveur a refusé la sauvegarde
         *     SERVEUR_EN_MARCHE : Le serveur tient la base embarquée : passer par son API
         *     BASE_NON_VIDE : La base contient des données (--force)
         *     DOSSIER_NON_VIDE : Le dossier contient des fichiers qui ne sont pas une base
         *     FICHIER_ABSENT : Fichier introuvable
         *     RESTAURATION_ECHOUEE : La restauration a échoué
         *     ROLE_INVALIDE : Nom de rôle PostgreSQL refusé
         *     POSTGRES_SEULEMENT : Possible sur PostgreSQL seulement
         *     ROLE_SUPERUTILISATEUR : Rôle superutilisateur : il lirait tout
         *     SSO_INDISPONIBLE : Le fournisseur d'identité ne répond pas
         *     SSO_NON_CONFIGURE : Connexion par le compte de l'entreprise non configurée
         *     SSO_REFUSE : Connexion refusée par le fournisseur d'identité
         *     SSO_ETAT_INCONNU : Connexion expirée ou déjà utilisée
         *     SSO_SANS_ROLE : Aucun groupe de ce compte ne donne accès
         *     SSO_AMBIGU : Les groupes de ce compte donnent plusieurs clients
         *     SSO_LOGIN_PRIS : Identifiant déjà pris par un compte local
         *     PORTABILITE_NUMEROS_REFUSES : Des numéros ne peuvent pas être portés (liste dans refuses)
         *     PORTABILITE_TROP_DE_NUMEROS : Trop de numéros pour une demande de portabilité
         *     PORTABILITE_NON_MODIFIABLE : La demande de portabilité ne se modifie plus à ce statut
         *     PORTABILITE_TRANSITION_INTERDITE : Ce passage du workflow de portabilité est impossible
         *     PORTABILITE_INCOMPLETE : La demande de portabilité n'a pas ce qu'il faut pour avancer
         *     PORTABILITE_NUMEROS_NON_DETENUS : Des numéros ne sont pas détenus par ce client (liste dans refuses)
         *     PORTABILITE_SORTANTE_PREVUE : Une portabilité sortante fixe l'instant de départ de ce numéro
         *     NUMERO_PORTE : Numéro parti par portabilité : il ne revient que par une portabilité entrante
         * @enum {string}
         */
        CodeErreur: "VALIDATION" | "REQUETE_INVALIDE" | "CARACTERE_INTERDIT" | "JSON_INVALIDE" | "JSON_TROP_PROFOND" | "CORPS_TROP_GROS" | "TYPE_CONTENU_NON_SUPPORTE" | "ROUTE_INCONNUE" | "TRI_INVALIDE" | "IF_MATCH_INVALIDE" | "VERSION_PERIMEE" | "INTROUVABLE" | "DOUBLON" | "REFERENCE_INVALIDE" | "CONFLIT_CONCURRENT" | "CONFLIT_PERIODE" | "CONFIRMATION_REQUISE" | "CODE_FIGE" | "NON_AUTHENTIFIE" | "SESSION_EXPIREE" | "CSRF" | "INTERDIT" | "IDENTIFIANTS_INVALIDES" | "TROP_DE_TENTATIVES" | "ADRESSE_NON_AUTORISEE" | "ADRESSE_INVALIDE" | "CLE_INVALIDE" | "CLE_OBLIGATOIRE" | "MOT_DE_PASSE_FAIBLE" | "ROLE_INCONNU" | "CLIENT_ROLE" | "EXPIRATION_PASSEE" | "BASE_INDISPONIBLE" | "DEMARRAGE_EN_COURS" | "ERREUR_INTERNE" | "TRAVAIL_INTERROMPU" | "EXTRANET_NON_CONSTRUIT" | "NUMERO_VIDE" | "CARACTERES_INVALIDES" | "PAYS_INCONNU" | "PAYS_NON_GERE" | "TROP_COURT" | "TROP_LONG" | "LONGUEUR_INVALIDE" | "NUMERO_NON_ATTRIBUE" | "HORS_PLAGES_CONNUES" | "NUMERO_EXISTANT" | "NUMEROS_EXISTANTS" | "NUMERO_A_SERVI" | "NUMERO_GELE" | "PLAGE_INVALIDE" | "INCOHERENT" | "VALEUR_INCOHERENTE" | "CLIENT_IMMUABLE" | "CLIENT_OBLIGATOIRE" | "CLIENT_INCONNU" | "GROUPEMENT_AUTRE_CLIENT" | "GROUPEMENT_SANS_CLIENT" | "STATUT_INCONNU" | "TYPE_INCONNU" | "TRANSITION_INTERDITE" | "ACTION_EN_MASSE_REFUSEE" | "REFUS" | "AUCUNE_AFFECTATION" | "AFFECTATION_ENTRANTE_EXISTANTE" | "DEJA_TERMINEE" | "CAMPAGNE_INCONNUE" | "CAMPAGNE_INACTIVE" | "CLIENT_DIFFERENT" | "NUMERO_INCONNU" | "DATE_INVALIDE" | "NUMERO_NON_AFFECTE" | "MOBILE_INTERDIT_SORTANT" | "NPV_OBLIGATOIRE" | "CONFIG_INVALIDE" | "TRANCHE_INVALIDE" | "TRANCHE_CHEVAUCHEMENT" | "TRANCHE_OCCUPEE" | "TRANCHE_RESTITUEE" | "PRESENTATION_SANS_FONDEMENT" | "MANDAT_INVALIDE" | "DOCUMENT_INVALIDE" | "DOCUMENT_ABSENT" | "NON_ROUTE" | "ROUTAGE_DESYNCHRONISE" | "VALEURS_ROUTAGE_INVALIDES" | "FICHIER_MODIFIE_A_LA_MAIN" | "MODELE_INCONNU" | "MODELE_INVALIDE" | "MOTIF_OBLIGATOIRE" | "REFERENCE_OPERATEUR_OBLIGATOIRE" | "OPERATEUR_OBLIGATOIRE" | "COMMANDE_NON_MODIFIABLE" | "QUANTITE_INVALIDE" | "QUANTITE_DEPASSEE" | "LIVRAISON_INVALIDE" | "AUCUN_NUMERO_LIVRE" | "REFERENCES_EPUISEES" | "FICHIER_ATTENDU" | "FICHIER_VIDE" | "FICHIER_ILLISIBLE" | "FICHIER_TROP_GROS" | "CLASSEUR_TROP_GROS" | "TROP_DE_LIGNES" | "TROP_DE_COLONNES" | "LECTURE_TROP_LONGUE" | "FORMAT_INCONNU" | "COLONNE_ABSENTE" | "COLONNES_IGNOREES" | "CORRESPONDANCE_INVALIDE" | "IMPORT_REFUSE" | "OUTIL_ABSENT" | "SAUVEGARDE_INTROUVABLE" | "SAUVEGARDE_REFUSEE" | "SERVEUR_EN_MARCHE" | "BASE_NON_VIDE" | "DOSSIER_NON_VIDE" | "FICHIER_ABSENT" | "RESTAURATION_ECHOUEE" | "ROLE_INVALIDE" | "POSTGRES_SEULEMENT" | "ROLE_SUPERUTILISATEUR" | "SSO_INDISPONIBLE" | "SSO_NON_CONFIGURE" | "SSO_REFUSE" | "SSO_ETAT_INCONNU" | "SSO_SANS_ROLE" | "SSO_AMBIGU" | "SSO_LOGIN_PRIS" | "PORTABILITE_NUMEROS_REFUSES" | "PORTABILITE_TROP_DE_NUMEROS" | "PORTABILITE_NON_MODIFIABLE" | "PORTABILITE_TRANSITION_INTERDITE" | "PORTABILITE_INCOMPLETE" | "PORTABILITE_NUMEROS_NON_DETENUS" | "PORTABILITE_SORTANTE_PREVUE" | "NUMERO_PORTE";
        /** @description Corps de toute erreur (application/problem+json, RFC 9457) : un code stable du catalogue et un message en français */
        Probleme: {
            type: string;
            title: string;
            status: number;
            code: components["schemas"]["CodeErreur"];
            detail: string;
            instance?: string;
            request_id?: string;
            details?: {
                champ?: string;
                message?: string;
                code?: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
