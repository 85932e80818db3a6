/**
 * Words every front end shows the same way. Kept free of imports so the task pane's first
 * bundle can use them without loading the core.
 */

/** The default plan's name: the pane, the CLI, the JSON and the workbook all say it this way. */
export const DEFAULT_PLAN_LABEL = "Plan d'actions par défaut (exemples du modèle)";

/** The pane's choice that lets the plan rule decide (no plan named explicitly). */
export const PLAN_RULE_CHOICE_LABEL = `Le plan trouvé parmi les fichiers importés, sinon le ${DEFAULT_PLAN_LABEL.charAt(0).toLowerCase()}${DEFAULT_PLAN_LABEL.slice(1)}`;
