/** Strings whose width renderers disagree on (emoji selectors, ZWJ, modifiers, combining marks) and plain controls. */
export const WIDTH_CASES = ['☁️ cloud', '❤️', '👨‍👩‍👧 family', 'café', 'cafe\u0301', '강동군 江東郡', 'Kangdong', '🇰🇵', '中文引用没有空格', '👍🏽', 'Ryŏnggang', '⣿▓─│'];
