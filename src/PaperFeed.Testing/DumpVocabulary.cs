namespace PaperFeed.Testing;

/// <summary>
/// Words the generated titles and abstracts are made of: the vocabulary of machine-learning abstracts, plus the
/// Unicode the real listings carry (non-Latin scripts, accents, typographic punctuation, emoji outside the BMP).
/// No word holds a sentence terminator followed by a space, and none is a month name, so sentence boundaries and
/// line shapes are exactly what the generator means them to be.
/// </summary>
internal static class DumpVocabulary
{
    public static readonly string[] Words =
    [
        "model", "models", "language", "large", "training", "data", "dataset", "benchmark", "benchmarks", "performance",
        "method", "approach", "framework", "task", "tasks", "learning", "reinforcement", "policy", "reward", "agent",
        "agents", "reasoning", "inference", "attention", "transformer", "diffusion", "image", "video", "audio", "speech",
        "text", "token", "tokens", "context", "retrieval", "generation", "evaluation", "alignment", "preference",
        "instruction", "tuning", "fine-tuning", "pre-training", "scaling", "efficient", "efficiency", "sparse", "dense",
        "mixture", "experts", "routing", "layer", "layers", "parameters", "memory", "latency", "throughput", "quality",
        "robust", "robustness", "multimodal", "vision", "visual", "spatial", "temporal", "semantic", "structure",
        "structured", "graph", "knowledge", "domain", "domains", "transfer", "generalization", "zero-shot", "few-shot",
        "synthetic", "real-world", "open-source", "state-of-the-art", "baseline", "baselines", "improves", "improve",
        "propose", "present", "introduce", "demonstrate", "show", "achieves", "outperforms", "leverages", "enables",
        "novel", "simple", "effective", "scalable", "unified", "adaptive", "hierarchical", "contrastive", "causal",
        "compositional", "latent", "embedding", "embeddings", "representation", "representations", "objective",
        "loss", "gradient", "optimization", "optimizer", "search", "planning", "tool", "code", "program", "math",
        "proof", "chain-of-thought", "verification", "feedback", "human", "users", "safety", "privacy", "bias",
        "hallucination", "calibration", "uncertainty", "distillation", "quantization", "pruning", "compression",
        "decoding", "sampling", "trajectory", "simulation", "robot", "robotic", "manipulation", "navigation", "scene",
        "3D", "Gaussian", "splatting", "rendering", "editing", "segmentation", "detection", "tracking", "captioning",
        "in", "of", "for", "with", "and", "the", "a", "to", "on", "across", "via", "from", "by", "over", "under",
        "while", "without", "that", "which", "our", "their", "these", "both", "each", "more", "less", "than",
        "Pareto-optimal", "Markov", "Bayesian", "Monte", "Carlo", "Euclidean", "Hessian", "Lipschitz",
    ];

    /// <summary>Acronyms and names that open titles (<c>LLM</c>, <c>RedOne 2.0</c>-style names are built from these).</summary>
    public static readonly string[] Names =
    [
        "LLM", "LLMs", "MLLMs", "VLM", "RL", "RLHF", "DPO", "MoE", "ViT", "CLIP", "NeRF", "SpatialTree", "RedOne",
        "Orca", "Phi", "Mamba", "Hydra", "Atlas", "Prism", "Nova", "Lumen", "Quill", "Vireo", "Kestrel", "Sora",
    ];

    /// <summary>
    /// Non-ASCII spans: non-Latin scripts, accents, typographic punctuation, emoji (no sentence terminators inside).
    /// Real abstracts are nearly all ASCII, so these are sprinkled thinly.
    /// </summary>
    public static readonly string[] Foreign =
    [
        "大型语言模型", "多模态推理", "言語モデルの評価", "強化学習", "언어 모델", "추론 능력", "языковые модели",
        "обучение с подкреплением", "γλωσσικά μοντέλα", "μάθηση", "نماذج اللغة", "التعلم العميق", "भाषा मॉडल",
        "गहन शिक्षण", "מודלי שפה", "โมเดลภาษา", "ngôn ngữ lớn", "🤗 Transformers", "🚀", "∑ᵢ xᵢ", "α-β pruning",
        "“in the wild”", "‘zero-shot’", "— as shown —", "≈2×", "±0.5", "→", "naïve", "façade", "Schrödinger", "Fréchet",
        "Jensen–Shannon", "cross‐lingual",
    ];

    /// <summary>Numeric and LaTeX leftovers seen in real abstracts.</summary>
    public static readonly string[] Oddities =
    [
        "(sim0.01% of parameters)", "(40-90% error reduction)", "(>95%)", "``skills,''", "``in-context''",
        "by 12.5%", "to 3.2x", "(Table 1)", "(arXiv:2308.12345)", "O(n log n)", "$k$-NN", "top-$k$", "8B", "70B",
        "1.5M samples", "(i)", "(ii)", "(iii)",
    ];

    public static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
}
